import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/** Where `npm run build` writes the page (`vite build` into dist/settings), from src or dist. */
const CANDIDATE_DIRS = [
  resolve(__dirname, '../../../../settings'), // dist/apps/api/src/settings-page → dist/settings
  resolve(__dirname, '../../../../dist/settings'), // apps/api/src/settings-page → dist/settings
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Asset names are Vite's flat, hashed file names: no slash, no leading dot, no traversal. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** The page trusts only itself: no inline script, no third party, no framing. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * The account-settings page (apps/settings-page), served as static files. Platform-neutral on
 * purpose (Express today, Fastify tomorrow): one route per shape, single-segment parameters,
 * a StreamableFile with its content type, headers through `reply.header`.
 */
@ApiExcludeController()
@Controller('settings')
export class SettingsPageController {
  private readonly root = CANDIDATE_DIRS.find((dir) => existsSync(join(dir, 'index.html')));

  @Get()
  index(@Res({ passthrough: true }) reply: HeaderReply): StreamableFile {
    const file = this.file('index.html');
    reply.header('Cache-Control', 'no-cache');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return file;
  }

  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): StreamableFile {
    if (!ASSET_NAME.test(name)) throw new NotFoundException();
    const file = this.file(join('assets', name));
    // Vite puts a content hash in every asset name: a changed file is a new name.
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    reply.header('X-Content-Type-Options', 'nosniff');
    return file;
  }

  /** Opens the file only once it is known to exist: a miss answers 404 with no cache header. */
  private file(relative: string): StreamableFile {
    const type = CONTENT_TYPES[extname(relative)];
    if (!this.root || !type) throw new NotFoundException();
    const path = join(this.root, relative);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new NotFoundException();
    return new StreamableFile(createReadStream(path), { type, length: stat.size });
  }
}
