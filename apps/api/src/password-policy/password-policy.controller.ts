import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { checkPassword, PASSWORD_RULES } from '@app/domain';
import { CheckPasswordDto } from './check-password.dto';

/**
 * The live checklist of the password form. Pure computation, no authentication, nothing
 * stored; the request logger never records bodies, so the password leaves no trace.
 */
@ApiTags('password')
@Controller('password-policy')
export class PasswordPolicyController {
  @Get()
  @ApiOkResponse({ description: 'The rules, in the order to show them.' })
  getPolicy() {
    return { rules: PASSWORD_RULES };
  }

  @Post('check')
  @HttpCode(200)
  @ApiOkResponse({
    description: '{valid, rules: [{id, label, met}]}; `match` only with a confirmation.',
  })
  check(@Body() body: CheckPasswordDto) {
    return checkPassword(body.password, body.confirmPassword);
  }
}
