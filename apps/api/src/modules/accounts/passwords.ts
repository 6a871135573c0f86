import { hash, verify, Algorithm } from '@node-rs/argon2';

// argon2id with OWASP's suggested floor (19 MiB, 2 passes): memory-hard, so a stolen
// table of hashes is expensive to attack.
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

