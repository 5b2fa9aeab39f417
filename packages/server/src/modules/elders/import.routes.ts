import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

export const importRoutes: FastifyPluginAsyncZod = async () => {}
