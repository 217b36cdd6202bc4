#include "identity/identity.h"

#include <gtest/gtest.h>

#include <string>

namespace harbour::identity {
namespace {

using namespace std::chrono_literals;

constexpr Instant kNow = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + 9h;

void ExpectInvalidField(const Result<std::string>& result, const std::string& field) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(result.error().fields.contains(field));
}
void ExpectInvalidField(const Result<void>& result, const std::string& field) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(result.error().fields.contains(field));
}

TEST(NormaliseUsername, LowerCasesAnAllowedName) {
  EXPECT_EQ(NormaliseUsername("Test.Worker-2_X"), "test.worker-2_x");
  EXPECT_EQ(NormaliseUsername("abc"), "abc");
  EXPECT_EQ(NormaliseUsername(std::string(64, 'z')), std::string(64, 'z'));
}

TEST(NormaliseUsername, RejectsWrongLengths) {
  ExpectInvalidField(NormaliseUsername(""), "username");
  ExpectInvalidField(NormaliseUsername("ab"), "username");
  ExpectInvalidField(NormaliseUsername(std::string(65, 'z')), "username");
  EXPECT_EQ(NormaliseUsername("").error().fields.at("username"), "Enter a username");
}

TEST(NormaliseUsername, RejectsCharactersOutsideTheAllowedSet) {
  for (std::string_view bad : {"test worker", " tester", "tester ", "test@agency", "zoë.test",
                               "tes\tt", "test/../x", "te'st"}) {
    ExpectInvalidField(NormaliseUsername(bad), "username");
  }
  ExpectInvalidField(NormaliseUsername(std::string("tes\0t", 5)), "username");
}

TEST(CheckPasswordPolicy, AcceptsTwelveToTenTwentyFourBytes) {
  EXPECT_TRUE(CheckPasswordPolicy(std::string(12, 'p')).has_value());
  EXPECT_TRUE(CheckPasswordPolicy(std::string(1024, 'p')).has_value());
  EXPECT_TRUE(CheckPasswordPolicy("correct horse battery").has_value());
  EXPECT_TRUE(CheckPasswordPolicy("pässwörd-ünïcode").has_value());
}

TEST(CheckPasswordPolicy, RejectsTooShortTooLongAndEmpty) {
  ExpectInvalidField(CheckPasswordPolicy(""), "password");
  ExpectInvalidField(CheckPasswordPolicy(std::string(11, 'p')), "password");
  ExpectInvalidField(CheckPasswordPolicy(std::string(1025, 'p')), "password");
  EXPECT_EQ(CheckPasswordPolicy("").error().fields.at("password"), "Enter a password");
}

TEST(CheckPasswordPolicy, RejectsInvalidUtf8) {
  ExpectInvalidField(CheckPasswordPolicy("long-enough-\xff-password"), "password");
  ExpectInvalidField(CheckPasswordPolicy("long-enough-\xc3"), "password");  // truncated
}

// Argon2id at interactive limits takes tens of milliseconds; hash once for the suite.
class PasswordHashing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hash_ = new std::string(HashPassword(kPassword)); }
  static void TearDownTestSuite() {
    delete hash_;
    hash_ = nullptr;
  }
  static constexpr std::string_view kPassword = "a synthetic test passphrase";
  static std::string* hash_;
};
std::string* PasswordHashing::hash_ = nullptr;

TEST_F(PasswordHashing, ProducesAnArgon2idStringWithInteractiveLimits) {
  // MEMLIMIT_INTERACTIVE is 64 MiB (m in KiB), OPSLIMIT_INTERACTIVE is 2 passes.
  EXPECT_EQ(hash_->rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << *hash_;
  EXPECT_EQ(hash_->find(kPassword), std::string::npos);
}

TEST_F(PasswordHashing, VerifiesTheRightPasswordOnly) {
  EXPECT_TRUE(VerifyPassword(kPassword, *hash_));
  EXPECT_FALSE(VerifyPassword("a synthetic test passphrasE", *hash_));
  EXPECT_FALSE(VerifyPassword("", *hash_));
  EXPECT_FALSE(VerifyPassword(std::string(kPassword) + " ", *hash_));
}

TEST_F(PasswordHashing, SaltsEachHash) {
  const std::string again = HashPassword(kPassword);
  EXPECT_NE(again, *hash_);
  EXPECT_TRUE(VerifyPassword(kPassword, again));
}

TEST_F(PasswordHashing, RejectsMalformedStoredHashes) {
  EXPECT_FALSE(VerifyPassword(kPassword, ""));
  EXPECT_FALSE(VerifyPassword(kPassword, "not a hash"));
  EXPECT_FALSE(VerifyPassword(kPassword, hash_->substr(0, hash_->size() - 4)));
  EXPECT_FALSE(VerifyPassword(kPassword, *hash_ + std::string(1, '\0') + "x"));
  EXPECT_FALSE(VerifyPassword(kPassword, std::string(4096, '$')));
}

TEST(PasswordHashingBytes, EmbeddedNulIsPartOfThePassword) {
  const std::string with_nul("synthetic\0secret-1", 18);
  const std::string hash = HashPassword(with_nul);
  EXPECT_TRUE(VerifyPassword(with_nul, hash));
  EXPECT_FALSE(VerifyPassword("synthetic", hash));
}

User FreshUser() {
  User user;
  user.id = "u-1";
  user.username = "test.worker";
  return user;
}

TEST(Lockout, FourFailuresDoNotLock) {
  User user = FreshUser();
  for (int i = 0; i < 4; ++i) RecordFailedSignIn(user, kNow + std::chrono::seconds(i));
  EXPECT_EQ(user.failed_sign_ins, 4);
  EXPECT_FALSE(IsLocked(user, kNow + 4s));
  EXPECT_EQ(user.locked_until, std::nullopt);
}

TEST(Lockout, FifthFailureLocksForFifteenMinutes) {
  User user = FreshUser();
  for (int i = 0; i < 4; ++i) RecordFailedSignIn(user, kNow - 1min);
  RecordFailedSignIn(user, kNow);
  EXPECT_EQ(user.failed_sign_ins, 5);
  EXPECT_EQ(user.locked_until, kNow + 15min);
  EXPECT_TRUE(IsLocked(user, kNow));
  EXPECT_TRUE(IsLocked(user, kNow + 15min - 1s));
  EXPECT_FALSE(IsLocked(user, kNow + 15min));
}

TEST(Lockout, FailuresWhileLockedNeitherCountNorExtendTheLock) {
  User user = FreshUser();
  for (int i = 0; i < 5; ++i) RecordFailedSignIn(user, kNow);
  RecordFailedSignIn(user, kNow + 10min);
  EXPECT_EQ(user.failed_sign_ins, 5);
  EXPECT_EQ(user.locked_until, kNow + 15min);
}

TEST(Lockout, FailureAfterExpiryStartsAFreshCount) {
  User user = FreshUser();
  for (int i = 0; i < 5; ++i) RecordFailedSignIn(user, kNow);
  const Instant later = kNow + 15min;
  RecordFailedSignIn(user, later);
  EXPECT_EQ(user.failed_sign_ins, 1);
  EXPECT_EQ(user.locked_until, std::nullopt);
  EXPECT_FALSE(IsLocked(user, later));

  for (int i = 0; i < 3; ++i) RecordFailedSignIn(user, later + 1min);
  EXPECT_FALSE(IsLocked(user, later + 1min));
  RecordFailedSignIn(user, later + 2min);
  EXPECT_TRUE(IsLocked(user, later + 2min));
  EXPECT_EQ(user.locked_until, later + 2min + 15min);
}

TEST(Lockout, FailuresAccumulateUntilASuccessHoweverFarApart) {
  User user = FreshUser();
  for (int day = 0; day < 5; ++day) RecordFailedSignIn(user, kNow + std::chrono::days(day));
  EXPECT_TRUE(IsLocked(user, kNow + std::chrono::days(4)));
}

TEST(Lockout, SuccessClearsTheCountAndAnyLock) {
  User user = FreshUser();
  for (int i = 0; i < 4; ++i) RecordFailedSignIn(user, kNow);
  RecordSuccessfulSignIn(user);
  EXPECT_EQ(user.failed_sign_ins, 0);
  RecordFailedSignIn(user, kNow);
  EXPECT_EQ(user.failed_sign_ins, 1);
  EXPECT_FALSE(IsLocked(user, kNow));

  for (int i = 0; i < 5; ++i) RecordFailedSignIn(user, kNow);
  ASSERT_TRUE(IsLocked(user, kNow));
  RecordSuccessfulSignIn(user);  // e.g. an administrator's reset
  EXPECT_FALSE(IsLocked(user, kNow));
  EXPECT_EQ(user.locked_until, std::nullopt);
}

TEST(SignInMessage, NamesTheLockoutRuleItEnforces) {
  EXPECT_NE(kSignInFailedMessage.find("5 failed attempts"), std::string_view::npos);
  EXPECT_NE(kSignInFailedMessage.find("15 minutes"), std::string_view::npos);
  EXPECT_EQ(kMaxFailedSignIns, 5);
  EXPECT_EQ(kLockout, 15min);
}

Session SessionStartedAt(Instant created) {
  return Session{.id_digest = "d",
                 .user_id = "u-1",
                 .csrf_token = "t",
                 .created_at = created,
                 .last_seen_at = created};
}

TEST(SessionExpiry, IdleForThirtyMinutesExpires) {
  const Session session = SessionStartedAt(kNow);
  EXPECT_FALSE(IsSessionExpired(session, kNow));
  EXPECT_FALSE(IsSessionExpired(session, kNow + 30min - 1s));
  EXPECT_TRUE(IsSessionExpired(session, kNow + 30min));
  EXPECT_TRUE(IsSessionExpired(session, kNow + 31min));
}

TEST(SessionExpiry, ActivityExtendsTheIdleWindow) {
  Session session = SessionStartedAt(kNow);
  session.last_seen_at = kNow + 25min;
  EXPECT_FALSE(IsSessionExpired(session, kNow + 54min));
  EXPECT_TRUE(IsSessionExpired(session, kNow + 55min));
}

TEST(SessionExpiry, TwelveHoursExpiresEvenWhenActive) {
  Session session = SessionStartedAt(kNow);
  session.last_seen_at = kNow + 12h - 2min;
  EXPECT_FALSE(IsSessionExpired(session, kNow + 12h - 1s));
  EXPECT_TRUE(IsSessionExpired(session, kNow + 12h));
  session.last_seen_at = kNow + 12h;
  EXPECT_TRUE(IsSessionExpired(session, kNow + 12h));
}

ApiToken Token() {
  ApiToken token;
  token.id = "tok-1";
  token.user_id = "u-1";
  token.token_digest = "d";
  return token;
}

TEST(ApiTokens, WithoutExpiryUsableUntilRevoked) {
  ApiToken token = Token();
  token.created_at = kNow;
  EXPECT_TRUE(IsTokenUsable(token, kNow));
  EXPECT_TRUE(IsTokenUsable(token, kNow + std::chrono::days(3650)));
  token.revoked = true;
  EXPECT_FALSE(IsTokenUsable(token, kNow));
}

TEST(ApiTokens, ExpireAtTheirExpiryInstant) {
  ApiToken token = Token();
  token.expires_at = kNow + std::chrono::days(90);
  EXPECT_TRUE(IsTokenUsable(token, kNow));
  EXPECT_TRUE(IsTokenUsable(token, *token.expires_at - 1s));
  EXPECT_FALSE(IsTokenUsable(token, *token.expires_at));
  EXPECT_FALSE(IsTokenUsable(token, *token.expires_at + 1s));
}

TEST(ApiTokens, RevokedBeforeExpiryIsUnusable) {
  ApiToken token = Token();
  token.expires_at = kNow + 1h;
  token.revoked = true;
  EXPECT_FALSE(IsTokenUsable(token, kNow));
}

}  // namespace
}  // namespace harbour::identity
