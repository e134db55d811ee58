import { TableSkeleton } from '@/components/admin/users/table-skeleton';

export default function Loading() {
  return <TableSkeleton />;
}
