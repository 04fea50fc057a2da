import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { checkPassword, PASSWORD_RULES } from '@app/domain';
import { CheckPasswordDto } from './check-password.dto';
import { Answers, Operation } from '../http/openapi';
import { PasswordCheckDto, PasswordPolicyDto } from './password-policy.responses';

/**
 * The live checklist of the password form. Pure computation, no authentication, nothing
 * stored; the request logger never records bodies, so the password leaves no trace.
 */
@ApiTags('password')
@Controller('password-policy')
export class PasswordPolicyController {
  @Get()
  @Operation({
    id: 'getPasswordPolicy',
    summary: 'The password rules, in the order to show them',
    access: 'public',
  })
  @Answers(200, PasswordPolicyDto, 'The rules.')
  getPolicy() {
    return { rules: PASSWORD_RULES };
  }

  @Post('check')
  @Operation({
    id: 'checkPassword',
    summary: 'Check a password against the rules (never stored)',
    access: 'public',
  })
  @Answers(200, PasswordCheckDto, 'Each rule met or not; match only with a confirmation.')
  @HttpCode(200)
  check(@Body() body: CheckPasswordDto) {
    return checkPassword(body.password, body.confirmPassword);
  }
}
