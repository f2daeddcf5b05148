import { Router } from 'express';

/** GET /about (Communication 2.8): open to everyone, no version header needed. */
export function aboutRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.setHeader('X-Experience-API-Version', '2.0.0');
    res.json({ version: ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '2.0.0'], extensions: {} });
  });
  return router;
}
