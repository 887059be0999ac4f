import {
  AssignableUsersInput,
  CommentTaskInput,
  RemoveAttachmentInput,
  CreateTaskInput,
  ListTasksInput,
  TaskIdInput,
  TransitionTaskInput,
  UpdateTaskInput,
} from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { removeAttachment } from '../files/remove-attachment.ts';
import { commentTask } from './comment-task.ts';
import { createTask } from './create-task.ts';
import { getTask } from './get-task.ts';
import { assignableUsers } from './list-assignable-users.ts';
import { listTasks } from './list-tasks.ts';
import { summarizeTasks } from './summarize-tasks.ts';
import { transitionTask } from './transition-task.ts';
import { updateTask } from './update-task.ts';

export const tasksRouter = router({
  create: procedureFor('tasks.create')
    .input(CreateTaskInput)
    .mutation(({ ctx, input }) => createTask(ctx, input)),
  list: procedureFor('tasks.list')
    .input(ListTasksInput)
    .query(({ ctx, input }) => listTasks(ctx, input)),
  get: procedureFor('tasks.get')
    .input(TaskIdInput)
    .query(({ ctx, input }) => getTask(ctx, input)),
  update: procedureFor('tasks.update')
    .input(UpdateTaskInput)
    .mutation(({ ctx, input }) => updateTask(ctx, input)),
  transition: procedureFor('tasks.transition')
    .input(TransitionTaskInput)
    .mutation(({ ctx, input }) => transitionTask(ctx, input)),
  comment: procedureFor('tasks.comment')
    .input(CommentTaskInput)
    .mutation(({ ctx, input }) => commentTask(ctx, input)),
  // Evidence files (modules/files/): uploads and downloads are plain HTTP routes (files.routes.ts).
  removeAttachment: procedureFor('tasks.removeAttachment')
    .input(RemoveAttachmentInput)
    .mutation(({ ctx, input }) => removeAttachment(ctx, 'task', input)),
  summary: procedureFor('tasks.summary').query(({ ctx }) => summarizeTasks(ctx)),
  assignableUsers: procedureFor('tasks.assignableUsers')
    .input(AssignableUsersInput)
    .query(({ ctx, input }) => assignableUsers(ctx, input)),
});
