import { agentRoles, permissions, uiLanguages } from '@ascolta/core';
import { z } from 'zod';

export const loginBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

const permissionNames = Object.keys(permissions) as [keyof typeof permissions, ...(keyof typeof permissions)[]];

/** The signed-in agent; `csrfToken` goes back in `X-CSRF-Token` on every POST/PATCH/PUT/DELETE. */
export const meResponse = z.object({
  agent: z.object({
    id: z.string(),
    workspaceId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(agentRoles),
    teamIds: z.array(z.string()),
  }),
  uiLanguage: z.enum(uiLanguages),
  /** What this agent may do, so the web app can hide what it cannot. */
  permissions: z.array(z.enum(permissionNames)),
  csrfToken: z.string(),
  sessionExpiresAt: z.iso.datetime(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeBody = z.object({ uiLanguage: z.enum(uiLanguages) });
export type UpdateMeBody = z.infer<typeof updateMeBody>;
