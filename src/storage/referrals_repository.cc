#include "storage/referrals_repository.h"

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.child_id, r.referred_by, r.referrer_agency, r.assessment_id, "
    "r.no_assessment_reason, r.reason, r.sharing, r.sharing_reason, r.state, r.submitted_at, "
    "r.screening_due, r.updated_at, c.given_name, c.family_name, u.display_name, g.name "
    "FROM referrals r JOIN children c ON c.id = r.child_id JOIN users u ON u.id = "
    "r.referred_by JOIN agencies g ON g.id = r.referrer_agency ";

referrals::Referral FromRow(const soci::row& row) {
  referrals::Referral r;
  r.id = GetText(row, 0);
  r.child_id = GetText(row, 1);
  r.referred_by = GetText(row, 2);
  r.referrer_agency = GetText(row, 3);
  r.assessment_id = GetText(row, 4);
  r.no_assessment_reason = GetText(row, 5);
  r.reason = GetText(row, 6);
  r.sharing = referrals::SharingFromCode(GetText(row, 7)).value_or(referrals::Sharing::kConsent);
  r.sharing_reason = GetText(row, 8);
  r.state = referrals::StateFromCode(GetText(row, 9)).value_or(referrals::State::kSubmitted);
  r.submitted_at = GetInstant(row, 10);
  r.screening_due = GetInstant(row, 11);
  r.updated_at = GetInstant(row, 12);
  r.child_name = GetText(row, 13) + " " + GetText(row, 14);
  r.referrer_name = GetText(row, 15);
  r.agency_name = GetText(row, 16);
  return r;
}

std::vector<referrals::Referral> Rows(soci::rowset<soci::row>& rows) {
  std::vector<referrals::Referral> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace

void ReferralsRepository::InsertIn(Transaction& tx, const referrals::Referral& r) {
  NullableText assessment(r.assessment_id);
  std::string sharing(referrals::ToCode(r.sharing)), state(referrals::ToCode(r.state));
  std::string submitted = FormatRfc3339(r.submitted_at), due = FormatRfc3339(r.screening_due);
  std::string updated = FormatRfc3339(r.updated_at);
  tx.Sql() << "INSERT INTO referrals (id, child_id, referred_by, referrer_agency, assessment_id, "
              "no_assessment_reason, reason, sharing, sharing_reason, state, submitted_at, "
              "screening_due, updated_at) VALUES (:id, :child, :by, :agency, :assessment, "
              ":why_none, :reason, :sharing, :basis, :state, :submitted, :due, :updated)",
      soci::use(r.id), soci::use(r.child_id), soci::use(r.referred_by),
      soci::use(r.referrer_agency), soci::use(assessment.value, assessment.indicator),
      soci::use(r.no_assessment_reason), soci::use(r.reason), soci::use(sharing),
      soci::use(r.sharing_reason), soci::use(state), soci::use(submitted), soci::use(due),
      soci::use(updated);
}

bool ReferralsRepository::MoveIn(Transaction& tx, std::string_view referral_id,
                                 const referrals::Transition& t, std::string_view transition_id) {
  std::string id(referral_id), tid(transition_id), at = FormatRfc3339(t.at);
  std::string from(referrals::ToCode(t.from)), to(referrals::ToCode(t.to));
  std::string to2 = to, from2 = from;
  soci::statement update =
      (tx.Sql().prepare << "UPDATE referrals SET state = :to, updated_at = :at WHERE id = :id "
                           "AND state = :from",
       soci::use(to), soci::use(at), soci::use(id), soci::use(from));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  std::string at2 = at, id2 = id;
  std::string id3 = id;
  tx.Sql() << "INSERT INTO referral_transitions (id, referral_id, from_state, to_state, reason, "
              "signposting, moved_by, moved_at, seq) VALUES (:tid, :rid, :from, :to, :reason, "
              ":where, :by, :at, (SELECT COUNT(*) FROM referral_transitions WHERE referral_id "
              "= :rid2))",
      soci::use(tid), soci::use(id2), soci::use(from2), soci::use(to2), soci::use(t.reason),
      soci::use(t.signposting), soci::use(t.by), soci::use(at2), soci::use(id3);
  return true;
}

Result<std::optional<referrals::Referral>> ReferralsRepository::Find(std::string_view id) {
  return Guard("reading a referral", [&]() -> Result<std::optional<referrals::Referral>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    std::optional<referrals::Referral> found;
    soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE r.id = :id", soci::use(v));
    for (const auto& row : rows) found = FromRow(row);
    return found;
  });
}

Result<std::vector<referrals::Transition>> ReferralsRepository::Transitions(
    std::string_view referral_id) {
  return Guard("reading a referral's history", [&]() -> Result<std::vector<referrals::Transition>> {
    soci::session sql(db_.Pool());
    std::string v(referral_id);
    std::vector<referrals::Transition> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT from_state, to_state, reason, signposting, moved_by, moved_at "
                        "FROM referral_transitions WHERE referral_id = :id ORDER BY seq",
         soci::use(v));
    for (const auto& row : rows) {
      referrals::Transition t;
      t.from = referrals::StateFromCode(GetText(row, 0)).value_or(referrals::State::kSubmitted);
      t.to = referrals::StateFromCode(GetText(row, 1)).value_or(referrals::State::kSubmitted);
      t.reason = GetText(row, 2);
      t.signposting = GetText(row, 3);
      t.by = GetText(row, 4);
      t.at = GetInstant(row, 5);
      out.push_back(std::move(t));
    }
    return out;
  });
}

Result<std::vector<referrals::Referral>> ReferralsRepository::Open(int limit) {
  return Guard("reading open referrals", [&]() -> Result<std::vector<referrals::Referral>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect
                     << "WHERE r.state IN ('submitted', 'screening', 'accepted', 'discussed', "
                        "'under_review') ORDER BY r.screening_due, r.id LIMIT :n",
         soci::use(limit));
    return Rows(rows);
  });
}

Result<std::vector<referrals::Referral>> ReferralsRepository::ForChild(std::string_view child_id) {
  return Guard("reading referrals", [&]() -> Result<std::vector<referrals::Referral>> {
    soci::session sql(db_.Pool());
    std::string v(child_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect << "WHERE r.child_id = :c ORDER BY r.submitted_at DESC, r.id",
         soci::use(v));
    return Rows(rows);
  });
}

Result<std::vector<referrals::Referral>> ReferralsRepository::ByReferrer(std::string_view user_id,
                                                                         int limit) {
  return Guard("reading referrals", [&]() -> Result<std::vector<referrals::Referral>> {
    soci::session sql(db_.Pool());
    std::string v(user_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect
                     << "WHERE r.referred_by = :u ORDER BY r.submitted_at DESC, r.id "
                        "LIMIT :n",
         soci::use(v), soci::use(limit));
    return Rows(rows);
  });
}

}  // namespace harbour::storage
