// Preparing records: a phone is read once however it is spaced, and always as libphonenumber
// reads the text itself (the cache key must never change the answer).
#include "matching/record.h"

#include <gtest/gtest.h>

#include "common/phone.h"

namespace harbour::matching {
namespace {

TEST(Preparer, ReadsEveryPhoneAsLibphonenumberReadsItsText) {
  auto variants = *NameVariants::Parse("");
  Preparer prepare(variants);
  for (const char* text :
       {"07911 123456", "07911-123-456", "(07911) 123456", "+44 7911 123456", "+44 (0)7911 123456",
        "+4407911123456", "0044 7911 123456", "447911123456", "07700 900123", "01632 960123",
        "+1 202 555 0143", "0791112345", "079111234567", "07911 123456 ext 2", "+44 +7911 123456",
        "7911 123456", "++447911123456", "", "not a number"}) {
    MatchRecord r;
    r.id = "1";
    r.phone = text;
    auto want = NormalisePhone(text);
    EXPECT_EQ(prepare(r).phone, want ? want->e164 : "") << text;
    EXPECT_EQ(Prepare(r, variants).phone, want ? want->e164 : "") << text;
  }
}

TEST(Preparer, GivesWhatPrepareGivesForEachRecord) {
  auto variants = *NameVariants::Parse("katherine, kate\n");
  Preparer prepare(variants);
  for (const char* name : {"Kate", "KATE", "Katherine", "Małgorzata", "Seán O'Brien", "Kate"}) {
    MatchRecord r;
    r.id = "1";
    r.given_name = name;
    r.family_name = name;
    PreparedRecord a = prepare(r), b = Prepare(r, variants);
    EXPECT_EQ(a.given.whole, b.given.whole) << name;
    EXPECT_EQ(a.given.words, b.given.words) << name;
    EXPECT_EQ(a.family.whole, b.family.whole) << name;
    EXPECT_EQ(a.given_group, b.given_group) << name;
    EXPECT_EQ(a.given_sound, b.given_sound) << name;
  }
}

}  // namespace
}  // namespace harbour::matching
