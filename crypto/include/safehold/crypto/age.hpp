#pragma once
// age v1 (C2SP age.md): everything a caller needs, in one include.
#include "safehold/crypto/age/armor.hpp"      // ArmorReader, ArmorWriter
#include "safehold/crypto/age/decryptor.hpp"  // Decryptor, DecryptOptions, ArmorMode
#include "safehold/crypto/age/encryptor.hpp"  // Encryptor, EncryptOptions
#include "safehold/crypto/age/error.hpp"      // AgeError, AgeFailure, describe()
#include "safehold/crypto/age/header.hpp"     // Header, parse_header, encode_header, header_mac
#include "safehold/crypto/age/scrypt.hpp"     // ScryptRecipient, ScryptIdentity
#include "safehold/crypto/age/stanza.hpp"     // Stanza, Recipient, Identity
#include "safehold/crypto/age/x25519.hpp"     // X25519Recipient, X25519Identity, parse_identity_file
