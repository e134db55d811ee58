// The eval harness (#7)
throw new Error('npm run eval is not built yet');
export {};
