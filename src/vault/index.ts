export { openVault, Vault, assertVaultName, type SecretSource, type VaultEntry } from './vault.ts';
export { vaultLocation, type VaultLocation, type VaultLocationOptions } from './paths.ts';
export { createKeyFile, loadVaultKey, requireVaultKey, type VaultKey } from './key.ts';
export { credentialEnvVar, credentialName, lookupAccounts } from './credentials.ts';
export { RobotAccount, pendingPasswordName, withPending } from './robot-account.ts';
export { generatePassword } from './generate-password.ts';
