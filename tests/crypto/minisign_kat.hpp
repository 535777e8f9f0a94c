#pragma once
// Known answers produced once by Debian's minisign 0.11 (text only; nothing
// from ../shared): `minisign -G -W` (an unencrypted key, so the secret key can
// sit in a test), then `minisign -S` and `minisign -S -l` over kMessage.
// Ed25519 is deterministic, so signing kMessage with kSecretKeyFile and
// kTrustedComment must reproduce kSignature byte for byte.
#include <string_view>

namespace safehold::test::minisign_kat {

inline constexpr std::string_view kKeyIdHex = "5663B6B3D2AAD01F";
inline constexpr std::string_view kMessage = "safehold minisign known answer\n";
inline constexpr std::string_view kTrustedComment = "safehold known-answer test";
inline constexpr std::string_view kPublicKeyFile =
    "untrusted comment: minisign public key 5663B6B3D2AAD01F\n"
    "RWQf0KrSs7ZjVq7g0/N3mLsvG7TTPNdIjEoxYOvbRq50XNbdaoQewRiX\n";
inline constexpr std::string_view kSecretKeyFile =
    "untrusted comment: minisign encrypted secret key\n"
    "RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH9Cq0rO2Y1ZPFrwzpHVWN34FX2lXtT6QRjiicc6A82rghJCbuQR1Fq7g0/N3mLsvG7TTPNdIjEoxYOvbRq50XNbdaoQewRiXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
inline constexpr std::string_view kSignature =
    "untrusted comment: signature from minisign secret key\n"
    "RUQf0KrSs7ZjVtfvX3nSaZOpZw3+K4sIdSk7si7QeurZsbo6SxzftyexTOXkoEvkJ8ASGr9IKsMCtpo3smQf+3Pcjf65rPHinwU=\n"
    "trusted comment: safehold known-answer test\n"
    "SDepPlz7J1oqEey9KyHggXgba7g9RvpOE06IyA3Ju+nicnuY/2YLu+zmSWMhl/d6OTxnV9RXC6XXmANaNxraCw==\n";
inline constexpr std::string_view kLegacySignature =
    "untrusted comment: signature from minisign secret key\n"
    "RWQf0KrSs7ZjVpfU1gzMDpwead4lnbvvpJJcQKGE2lqa0/eh9XkL+g6z2ew7LcXOS+8ksU1i+6bq9M0HSVPlCr6C/m/HU7LnbQU=\n"
    "trusted comment: safehold legacy signature\n"
    "jg+1A2WR0mT1FFZeILj57KQS0llzgHQ+ftwRlFBKsj556xT4inium6evJQgLBXkJU3jXhRNxqr2GvxLLWBTECg==\n";

}  // namespace safehold::test::minisign_kat
