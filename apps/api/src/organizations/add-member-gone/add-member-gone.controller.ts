import { Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Operation } from '../../http/openapi';

/**
 * `POST /orgs/:orgId/members` is gone (API.md): nobody becomes a member without accepting an
 * invitation. The contract answers 404 there, not the 405 a known path would get, so this one
 * route answers it explicitly, for everyone and whatever the body, and tells a migrating
 * client where to go. The OpenAPI document lists it as deprecated, answering 404 only, and
 * `Allow` names it like any documented method, so document and server say the same.
 */
@ApiTags('organizations')
@Controller('orgs/:orgId/members')
export class AddMemberGoneController {
  @Post()
  @Operation({
    id: 'addMemberGone',
    summary: 'Gone: members join by invitation (inviteMember), which the invitee accepts',
    access: 'public',
    errors: [404],
    deprecated: true,
  })
  @ApiParam({ name: 'orgId', type: String })
  @HttpCode(404)
  gone(): never {
    throw new NotFoundException({
      code: 'NOT_FOUND',
      message:
        'Members join by invitation: POST /orgs/:orgId/invitations {email, role}, which the ' +
        'invitee accepts.',
    });
  }
}
