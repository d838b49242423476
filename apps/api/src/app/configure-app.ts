import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppLogger, requestLog } from './common/app-logger';

/**
 * Everything the running app and the integration tests share: headers, validation,
 * the `/api` prefix and the OpenAPI page at `/api/docs`.
 */
export function configureApp(app: INestApplication): void {
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.setGlobalPrefix('api');
  app.use(requestLog(logger.pino));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular Material and echarts set inline style attributes; scripts stay strict.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  const config = new DocumentBuilder()
    .setTitle('Floorwise API')
    .setDescription('Workforce analytics for call centers. See docs/ and spec/interfaces.md.')
    .addBearerAuth()
    .addCookieAuth('fw_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  app.enableShutdownHooks();
}
