import { Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { GONE_ROUTE } from '../../http/http-platform';

/**
 * `POST /orgs/:orgId/members` is gone (API.md): nobody becomes a member without accepting an
 * invitation. The contract answers 404 there, not the 405 a known path would get, so this one
 * route answers it explicitly, for everyone and whatever the body, and tells a migrating
 * client where to go. It is not in the OpenAPI document and not in any `Allow` header.
 */
@ApiExcludeController()
@Controller('orgs/:orgId/members')
export class AddMemberGoneController {
  @Post()
  @HttpCode(404)
  @RouteConfig({ [GONE_ROUTE]: true })
  gone(): never {
    throw new NotFoundException({
      code: 'NOT_FOUND',
      message:
        'Members join by invitation: POST /orgs/:orgId/invitations {email, role}, which the ' +
        'invitee accepts.',
    });
  }
}
