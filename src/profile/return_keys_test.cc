#include "profile/return_keys.h"

#include <gtest/gtest.h>

#include <string>

namespace harbour::profile {
namespace {

std::array<unsigned char, 32> FixedSeed(unsigned char first) {
  std::array<unsigned char, 32> seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<unsigned char>(first + i);
  return seed;
}

TEST(PartnershipCode, TakesLettersDigitsDashesAndUnderscores) {
  EXPECT_TRUE(IsPartnershipCode("north-harbour"));
  EXPECT_TRUE(IsPartnershipCode("E06000023"));
  EXPECT_TRUE(IsPartnershipCode("a_b"));
  EXPECT_TRUE(IsPartnershipCode(std::string(32, 'x')));
  EXPECT_FALSE(IsPartnershipCode(""));
  EXPECT_FALSE(IsPartnershipCode(std::string(33, 'x')));
  EXPECT_FALSE(IsPartnershipCode("-north"));
  EXPECT_FALSE(IsPartnershipCode("north harbour"));
  EXPECT_FALSE(IsPartnershipCode("nörth"));
}

TEST(PartnershipName, IsOneLineOfTrimmedText) {
  EXPECT_EQ(PartnershipNameProblem("Ynys Môn Safeguarding Partnership"), "");
  EXPECT_NE(PartnershipNameProblem(""), "");
  EXPECT_NE(PartnershipNameProblem(" North"), "");
  EXPECT_NE(PartnershipNameProblem("North\nHarbour"), "");
  EXPECT_NE(PartnershipNameProblem(std::string(201, 'x')), "");
  EXPECT_NE(PartnershipNameProblem("\xff"), "");
}

TEST(Keys, SignAndVerify) {
  SecretKey key = SecretKey::Generate();
  std::string signature = key.Sign("the return");
  EXPECT_EQ(signature.size(), 64U);
  EXPECT_TRUE(Verify(key.Public(), "the return", signature));
  EXPECT_FALSE(Verify(key.Public(), "the return.", signature));
  EXPECT_FALSE(Verify(SecretKey::Generate().Public(), "the return", signature));
  EXPECT_FALSE(Verify(key.Public(), "the return", signature.substr(1)));
}

TEST(Keys, TheSameSeedGivesTheSameKey) {
  SecretKey a = SecretKey::FromSeed(FixedSeed(1));
  SecretKey b = SecretKey::FromSeed(FixedSeed(1));
  EXPECT_EQ(a.Public(), b.Public());
  EXPECT_EQ(a.Sign("x"), b.Sign("x"));  // Ed25519 signatures are deterministic
  EXPECT_NE(a.Public(), SecretKey::FromSeed(FixedSeed(2)).Public());
}

TEST(Base64, RoundTripsAndRefusesAnythingButCanonicalText) {
  EXPECT_EQ(Base64("hello"), "aGVsbG8=");
  EXPECT_EQ(FromBase64("aGVsbG8="), "hello");
  EXPECT_EQ(FromBase64(""), "");
  EXPECT_FALSE(FromBase64("aGVsbG8"));    // no padding
  EXPECT_FALSE(FromBase64("aGVsbG9="));   // stray bits in the last character
  EXPECT_FALSE(FromBase64("aGVs bG8="));  // a space
  EXPECT_FALSE(FromBase64("aGVsbG8=x"));
}

TEST(Keys, PublicKeyTextAndId) {
  SecretKey key = SecretKey::FromSeed(FixedSeed(1));
  std::string text = EncodePublicKey(key.Public());
  EXPECT_EQ(text.size(), 44U);
  auto back = DecodePublicKey(text);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, key.Public());
  EXPECT_FALSE(DecodePublicKey(text.substr(4)));
  EXPECT_FALSE(DecodePublicKey("not base64"));
  std::string id = KeyId(key.Public());
  EXPECT_EQ(id.size(), 16U);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(id, KeyId(*back));
  EXPECT_NE(id, KeyId(SecretKey::FromSeed(FixedSeed(2)).Public()));
}

TEST(SigningKeyFile, RoundTrips) {
  auto key = GenerateSigningKey("north", "North Harbour Safeguarding Partnership = NHSP");
  ASSERT_TRUE(key);
  std::string text = SigningKeyFileText(*key);
  EXPECT_TRUE(text.starts_with("# Harbour: the key that signs"));
  EXPECT_NE(text.find("SECRET"), std::string::npos);
  EXPECT_NE(text.find("partnership_code = north\n"), std::string::npos);
  auto back = ParseSigningKeyFile(text, "north.key");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->partnership_code, "north");
  EXPECT_EQ(back->partnership_name, "North Harbour Safeguarding Partnership = NHSP");
  EXPECT_EQ(back->key.Public(), key->key.Public());
}

TEST(SigningKeyFile, RefusesABadCodeOrName) {
  auto bad = GenerateSigningKey("north harbour", "");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(bad.error().fields.contains("partnership_code"));
  EXPECT_TRUE(bad.error().fields.contains("partnership_name"));
}

TEST(SigningKeyFile, NamesTheFileAndTheLine) {
  auto key = GenerateSigningKey("north", "North");
  ASSERT_TRUE(key);
  std::string good = SigningKeyFileText(*key);
  auto refused = [](const std::string& text) {
    auto parsed = ParseSigningKeyFile(text, "north.key");
    EXPECT_FALSE(parsed);
    if (parsed) return std::string();
    EXPECT_EQ(parsed.error().code, "invalid_key_file");
    return parsed.error().message;
  };
  EXPECT_EQ(refused(good + "colour = blue\n"), "north.key: line 10: unknown key \"colour\"");
  EXPECT_EQ(refused(good + "seed = x\n"), "north.key: line 10: seed is given twice");
  EXPECT_EQ(refused(good + "no equals sign\n"), "north.key: line 10: expected `key = value`");
  std::string no_seed = good.substr(0, good.find("seed ="));
  EXPECT_EQ(refused(no_seed), "north.key: has no seed");
  std::string other = good;
  other.replace(other.find(kSigningKeyFormat), kSigningKeyFormat.size(), "ssh-ed25519");
  EXPECT_TRUE(refused(other).starts_with("north.key: format: must be"));
  std::string short_seed = no_seed + "seed = aGVsbG8=\n";
  EXPECT_EQ(refused(short_seed), "north.key: seed: must be 44 characters of base64 (32 bytes)");
  EXPECT_EQ(refused("\xff"), "north.key: is not UTF-8 text");
  EXPECT_TRUE(refused(std::string(kMaxKeyFileBytes + 1, '#')).starts_with("north.key: is too"));
}

TEST(TrustedKeys, ReadsOneLinePerPartnership) {
  SecretKey north = SecretKey::FromSeed(FixedSeed(1));
  SecretKey south = SecretKey::FromSeed(FixedSeed(2));
  std::string text = "# The region's partnerships\n\n" + TrustedKeyLine("north", north.Public()) +
                     "\n  south\t" + EncodePublicKey(south.Public()) + "  \r\n";
  auto trusted = ParseTrustedKeys(text, "trusted.keys");
  ASSERT_TRUE(trusted) << trusted.error().message;
  ASSERT_EQ(trusted->size(), 2U);
  EXPECT_EQ(trusted->at("north"), north.Public());
  EXPECT_EQ(trusted->at("south"), south.Public());
}

TEST(TrustedKeys, NamesTheFileAndTheLineOfAProblem) {
  const std::string north = TrustedKeyLine("north", SecretKey::FromSeed(FixedSeed(1)).Public());
  const std::string south = TrustedKeyLine("south", SecretKey::FromSeed(FixedSeed(2)).Public());
  auto refused = [](const std::string& text) {
    auto parsed = ParseTrustedKeys(text, "trusted.keys");
    EXPECT_FALSE(parsed);
    if (parsed) return std::string();
    EXPECT_EQ(parsed.error().code, "invalid_trusted_keys");
    return parsed.error().message;
  };
  EXPECT_EQ(refused("# nothing\n"), "trusted.keys: trusts no key");
  EXPECT_EQ(refused(north + "\nsouth\n"),
            "trusted.keys: line 2: expected a partnership code and its public key");
  EXPECT_EQ(refused(north + "\nsouth AAAA\n"),
            "trusted.keys: line 2: the key of south must be 44 characters of base64 (32 bytes)");
  EXPECT_EQ(refused(north + "\n" + south + "\n" + north + "\n"),
            "trusted.keys: line 3: north is given twice");
  std::string same_key = "east" + north.substr(5);
  EXPECT_EQ(refused(north + "\n" + same_key + "\n"),
            "trusted.keys: line 2: the key of east is already the key of north: each "
            "partnership has its own key");
  EXPECT_EQ(refused("=cmd " + north.substr(6) + "\n"),
            "trusted.keys: line 1: \"=cmd\" is not a partnership code");
}

}  // namespace
}  // namespace harbour::profile
