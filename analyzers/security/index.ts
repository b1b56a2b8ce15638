import type { Rule } from '../../src/engine/rule.js';
import { assertAuthorization } from './assert-authorization.js';
import { bindAllInterfaces } from './bind-all-interfaces.js';
import { cleartextProtocol } from './cleartext-protocol.js';
import { evalExec } from './eval-exec.js';
import { flaskDebug } from './flask-debug.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { insecureRandom } from './insecure-random.js';
import { insecureTempFile } from './insecure-temp-file.js';
import { insecureTlsVersion } from './insecure-tls-version.js';
import { jinja2Autoescape } from './jinja2-autoescape.js';
import { shellInjection } from './shell-injection.js';
import { sqlInjection } from './sql-injection.js';
import { sshHostKeyUnverified } from './ssh-host-key-unverified.js';
import { tlsVerificationDisabled } from './tls-verification-disabled.js';
import { tryExceptPass } from './try-except-pass.js';
import { unsafeDeserialization } from './unsafe-deserialization.js';
import { unsafeMarkup } from './unsafe-markup.js';
import { unsafeYamlLoad } from './unsafe-yaml-load.js';
import { urlOpenScheme } from './url-open-scheme.js';
import { weakCipher } from './weak-cipher.js';
import { weakHash } from './weak-hash.js';
import { worldWritablePermissions } from './world-writable-permissions.js';
import { xmlUntrustedParse } from './xml-untrusted-parse.js';

/** The security rules, in the order their findings are listed: code execution first. */
export const rules: Rule[] = [
  evalExec,
  unsafeDeserialization,
  unsafeYamlLoad,
  shellInjection,
  sqlInjection,
  hardcodedSecret,
  weakHash,
  weakCipher,
  insecureRandom,
  tlsVerificationDisabled,
  insecureTlsVersion,
  sshHostKeyUnverified,
  flaskDebug,
  bindAllInterfaces,
  jinja2Autoescape,
  unsafeMarkup,
  xmlUntrustedParse,
  insecureTempFile,
  worldWritablePermissions,
  assertAuthorization,
  tryExceptPass,
  cleartextProtocol,
  urlOpenScheme,
];
