// Long work in progress.
import { z } from 'zod';
import { op } from './op';

export const jobsOperations = {
  'jobs.cancel': op({
    summary: '取消任务',
    access: 'read',
    input: z.object({ jobId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
