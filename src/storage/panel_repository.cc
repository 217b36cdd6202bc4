#include "storage/panel_repository.h"

#include <string>

namespace harbour::storage {

namespace {

constexpr const char* kMeetingColumns =
    "m.id, m.starts_at, m.place, m.online, m.created_by, m.created_at, m.recorded_afterwards";

panel::PanelMeeting MeetingFromRow(const soci::row& row) {
  panel::PanelMeeting m;
  m.id = GetText(row, 0);
  m.starts_at = GetInstant(row, 1);
  m.place = GetText(row, 2);
  m.online = GetInt(row, 3) != 0;
  m.created_by = GetText(row, 4);
  m.created_at = GetInstant(row, 5);
  m.recorded_afterwards = GetInt(row, 6) != 0;
  return m;
}

constexpr const char* kItemSelect =
    "SELECT i.id, i.meeting_id, i.child_id, i.referral_id, i.reason, i.position, i.category, "
    "i.models, i.elements, i.plan, i.next_review, i.recorded_by, i.recorded_at, c.given_name, "
    "c.family_name, i.recorded_by_agency, ru.display_name, ra.name FROM panel_items i JOIN "
    "children c ON c.id = i.child_id LEFT JOIN users ru ON ru.id = i.recorded_by LEFT JOIN "
    "agencies ra ON ra.id = i.recorded_by_agency ";

// "a,b,c" -> codes known to `from_code` (unknown codes, from a hand-edited row, are dropped).
template <typename Code, typename FromCode>
std::vector<Code> SplitCodes(const std::string& joined, FromCode from_code) {
  std::vector<Code> out;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t comma = joined.find(',', start);
    if (comma == std::string::npos) comma = joined.size();
    if (auto code = from_code(std::string_view(joined).substr(start, comma - start))) {
      out.push_back(*code);
    }
    start = comma + 1;
  }
  return out;
}

template <typename Code>
std::string JoinCodes(const std::vector<Code>& codes) {
  std::string out;
  for (auto c : codes) {
    if (!out.empty()) out += ",";
    out += panel::ToCode(c);
  }
  return out;
}

panel::AgendaItem ItemFromRow(const soci::row& row) {
  panel::AgendaItem item;
  item.id = GetText(row, 0);
  item.meeting_id = GetText(row, 1);
  item.child_id = GetText(row, 2);
  item.referral_id = GetText(row, 3);
  item.reason = panel::ItemReasonFromCode(GetText(row, 4)).value_or(panel::ItemReason::kReview);
  item.position = static_cast<int>(GetInt(row, 5));
  item.child_name = GetText(row, 13) + " " + GetText(row, 14);
  auto recorded_at = GetOptionalInstant(row, 12);
  if (!recorded_at) return item;
  panel::Decision d;
  d.category = panel::CategoryFromCode(GetText(row, 6)).value_or(panel::Category::kAtRisk);
  d.models =
      SplitCodes<panel::ExploitationModel>(GetText(row, 7), panel::ExploitationModelFromCode);
  d.elements = SplitCodes<panel::Element>(GetText(row, 8), panel::ElementFromCode);
  d.plan = GetText(row, 9);
  d.next_review = ParseDate(GetText(row, 10)).value_or(Date{});
  d.recorded_by = GetText(row, 11);
  d.recorded_by_agency = GetText(row, 15);
  d.recorded_at = *recorded_at;
  item.decision = std::move(d);
  item.recorded_by_name = GetText(row, 16);
  item.recorded_by_agency_name = GetText(row, 17);
  return item;
}

std::vector<panel::AgendaItem> ItemRows(soci::rowset<soci::row>& rows) {
  std::vector<panel::AgendaItem> out;
  for (const auto& row : rows) out.push_back(ItemFromRow(row));
  return out;
}

}  // namespace

void PanelRepository::InsertMeetingIn(Transaction& tx, const panel::PanelMeeting& m) {
  std::string starts = FormatRfc3339(m.starts_at), created = FormatRfc3339(m.created_at);
  int online = m.online ? 1 : 0, afterwards = m.recorded_afterwards ? 1 : 0;
  tx.Sql() << "INSERT INTO panel_meetings (id, starts_at, place, online, created_by, created_at, "
              "recorded_afterwards) VALUES (:id, :starts, :place, :online, :by, :at, :afterwards)",
      soci::use(m.id), soci::use(starts), soci::use(m.place), soci::use(online),
      soci::use(m.created_by), soci::use(created), soci::use(afterwards);
}

Result<std::optional<panel::PanelMeeting>> PanelRepository::FindMeeting(std::string_view id) {
  return Guard("reading a panel meeting", [&]() -> Result<std::optional<panel::PanelMeeting>> {
    soci::session sql(db_.Pool());
    std::string i(id);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kMeetingColumns << " FROM panel_meetings m WHERE m.id = :id",
         soci::use(i));
    for (const auto& row : rows) return MeetingFromRow(row);
    return std::nullopt;
  });
}

Result<std::vector<MeetingSummary>> PanelRepository::Meetings(std::string_view member, int limit) {
  return Guard("reading panel meetings", [&]() -> Result<std::vector<MeetingSummary>> {
    soci::session sql(db_.Pool());
    std::string user(member);
    std::string counts =
        ", (SELECT COUNT(*) FROM panel_items i WHERE i.meeting_id = m.id), (SELECT COUNT(*) "
        "FROM panel_items i WHERE i.meeting_id = m.id AND i.recorded_at IS NOT NULL) ";
    std::string where =
        user.empty() ? ""
                     : "WHERE m.id IN (SELECT meeting_id FROM panel_members WHERE user_id = :u) ";
    std::string query = std::string("SELECT ") + kMeetingColumns + counts +
                        "FROM panel_meetings m " + where + "ORDER BY m.starts_at DESC LIMIT " +
                        std::to_string(limit);
    std::vector<MeetingSummary> out;
    auto read = [&](soci::rowset<soci::row>& rows) {
      for (const auto& row : rows) {
        out.push_back({MeetingFromRow(row), static_cast<int>(GetInt(row, 7)),
                       static_cast<int>(GetInt(row, 8))});
      }
    };
    if (user.empty()) {
      soci::rowset<soci::row> rows = sql.prepare << query;
      read(rows);
    } else {
      soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(user));
      read(rows);
    }
    return out;
  });
}

bool PanelRepository::AddMemberIn(Transaction& tx, std::string_view meeting_id,
                                  std::string_view user_id, std::string_view agency_id,
                                  std::string_view by, Instant at) {
  std::string m(meeting_id), u(user_id), a(agency_id), who(by), when = FormatRfc3339(at);
  int existing = 0;
  std::string m2 = m, u2 = u;
  tx.Sql() << "SELECT COUNT(*) FROM panel_members WHERE meeting_id = :m AND user_id = :u",
      soci::into(existing), soci::use(m2), soci::use(u2);
  if (existing > 0) return false;
  std::string attendance(panel::ToCode(panel::Attendance::kInvited));
  tx.Sql() << "INSERT INTO panel_members (meeting_id, user_id, agency_id, attendance, "
              "updated_by, updated_at) VALUES (:m, :u, :a, :att, :by, :at)",
      soci::use(m), soci::use(u), soci::use(a), soci::use(attendance), soci::use(who),
      soci::use(when);
  return true;
}

bool PanelRepository::SetAttendanceIn(Transaction& tx, std::string_view meeting_id,
                                      std::string_view user_id, panel::Attendance attendance,
                                      std::string_view by, Instant at) {
  std::string m(meeting_id), u(user_id), code(panel::ToCode(attendance)), who(by);
  std::string when = FormatRfc3339(at);
  soci::statement update =
      (tx.Sql().prepare << "UPDATE panel_members SET attendance = :att, updated_by = :by, "
                           "updated_at = :at WHERE meeting_id = :m AND user_id = :u",
       soci::use(code), soci::use(who), soci::use(when), soci::use(m), soci::use(u));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

Result<std::vector<panel::Member>> PanelRepository::Members(std::string_view meeting_id) {
  return Guard("reading the panel's members", [&]() -> Result<std::vector<panel::Member>> {
    soci::session sql(db_.Pool());
    std::string m(meeting_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT pm.user_id, pm.agency_id, pm.attendance, u.display_name, g.name, "
                        "u.role FROM panel_members pm JOIN users u ON u.id = pm.user_id JOIN "
                        "agencies g ON g.id = pm.agency_id WHERE pm.meeting_id = :m ORDER BY "
                        "g.name, u.display_name",
         soci::use(m));
    std::vector<panel::Member> out;
    for (const auto& row : rows) {
      panel::Member member;
      member.user_id = GetText(row, 0);
      member.agency_id = GetText(row, 1);
      member.attendance =
          panel::AttendanceFromCode(GetText(row, 2)).value_or(panel::Attendance::kInvited);
      member.name = GetText(row, 3);
      member.agency_name = GetText(row, 4);
      member.role = GetText(row, 5);
      out.push_back(std::move(member));
    }
    return out;
  });
}

void PanelRepository::InsertItemIn(Transaction& tx, const panel::AgendaItem& item,
                                   std::string_view by, Instant at) {
  NullableText referral(item.referral_id);
  std::string reason(panel::ToCode(item.reason)), who(by), when = FormatRfc3339(at);
  std::string meeting2 = item.meeting_id;
  tx.Sql() << "INSERT INTO panel_items (id, meeting_id, child_id, referral_id, reason, position, "
              "added_by, added_at) VALUES (:id, :m, :c, :r, :reason, (SELECT COALESCE(MAX("
              "position), 0) + 1 FROM panel_items WHERE meeting_id = :m2), :by, :at)",
      soci::use(item.id), soci::use(item.meeting_id), soci::use(item.child_id),
      soci::use(referral.value, referral.indicator), soci::use(reason), soci::use(meeting2),
      soci::use(who), soci::use(when);
}

void PanelRepository::RecordDecisionIn(Transaction& tx, std::string_view item_id,
                                       const panel::Decision& d) {
  std::string id(item_id), category(panel::ToCode(d.category)), models = JoinCodes(d.models);
  std::string elements = JoinCodes(d.elements), review = FormatDate(d.next_review);
  std::string at = FormatRfc3339(d.recorded_at);
  NullableText agency(d.recorded_by_agency);  // empty: the recorder's agency now
  tx.Sql() << "UPDATE panel_items SET category = :cat, models = :models, elements = :elements, "
              "plan = :plan, next_review = :review, recorded_by = :by, recorded_by_agency = "
              "COALESCE(:agency, (SELECT agency_id FROM users WHERE id = :by2)), recorded_at = :at "
              "WHERE id = :id",
      soci::use(category), soci::use(models), soci::use(elements), soci::use(d.plan),
      soci::use(review), soci::use(d.recorded_by), soci::use(agency.value, agency.indicator),
      soci::use(d.recorded_by), soci::use(at), soci::use(id);
}

Result<std::vector<panel::AgendaItem>> PanelRepository::Items(std::string_view meeting_id) {
  return Guard("reading the agenda", [&]() -> Result<std::vector<panel::AgendaItem>> {
    soci::session sql(db_.Pool());
    std::string m(meeting_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kItemSelect << "WHERE i.meeting_id = :m ORDER BY i.position", soci::use(m));
    return ItemRows(rows);
  });
}

Result<std::optional<panel::AgendaItem>> PanelRepository::FindItem(std::string_view item_id) {
  return Guard("reading an agenda item", [&]() -> Result<std::optional<panel::AgendaItem>> {
    soci::session sql(db_.Pool());
    std::string i(item_id);
    soci::rowset<soci::row> rows = (sql.prepare << kItemSelect << "WHERE i.id = :i", soci::use(i));
    for (const auto& row : rows) return ItemFromRow(row);
    return std::nullopt;
  });
}

Result<std::vector<panel::AgendaItem>> PanelRepository::DecisionsFor(std::string_view child_id) {
  return Guard("reading the panel's decisions", [&]() -> Result<std::vector<panel::AgendaItem>> {
    soci::session sql(db_.Pool());
    std::string c(child_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kItemSelect
                     << "WHERE i.child_id = :c AND i.recorded_at IS NOT NULL ORDER BY "
                        "i.recorded_at",
         soci::use(c));
    return ItemRows(rows);
  });
}

Result<std::vector<std::string>> PanelRepository::PendingReferrals() {
  return Guard("reading the agendas", [&]() -> Result<std::vector<std::string>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT referral_id FROM panel_items WHERE recorded_at IS NULL AND "
                       "referral_id IS NOT NULL";
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(GetText(row, 0));
    return out;
  });
}

Result<std::vector<panel::Proposal>> PanelRepository::ReviewsDue(Date by) {
  return Guard("reading the panel's reviews", [&]() -> Result<std::vector<panel::Proposal>> {
    soci::session sql(db_.Pool());
    std::string date = FormatDate(by);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT i.child_id, i.referral_id, i.next_review, c.given_name, "
                        "c.family_name FROM panel_items i JOIN children c ON c.id = i.child_id "
                        "LEFT JOIN referrals r ON r.id = i.referral_id WHERE i.recorded_at IS "
                        "NOT NULL AND i.next_review <= :by AND (r.id IS NULL OR r.state NOT IN "
                        "('closed', 'withdrawn', 'not_accepted')) AND NOT EXISTS (SELECT 1 FROM "
                        "panel_items j WHERE j.child_id = i.child_id AND (j.recorded_at IS NULL "
                        "OR j.recorded_at > i.recorded_at)) ORDER BY i.next_review, i.id",
         soci::use(date));
    std::vector<panel::Proposal> out;
    for (const auto& row : rows) {
      out.push_back({GetText(row, 0), GetText(row, 1), panel::ItemReason::kReview,
                     GetText(row, 3) + " " + GetText(row, 4),
                     "Panel review due " + GetText(row, 2)});
    }
    return out;
  });
}

Result<bool> PanelRepository::AttendsMeetingAbout(std::string_view child_id,
                                                  std::string_view user_id) {
  return Guard("reading the panel's agendas", [&]() -> Result<bool> {
    soci::session sql(db_.Pool());
    std::string c(child_id), u(user_id);
    int n = 0;
    sql << "SELECT COUNT(*) FROM panel_items i JOIN panel_members pm ON pm.meeting_id = "
           "i.meeting_id WHERE i.child_id = :c AND pm.user_id = :u AND pm.attendance <> "
           "'apologies'",
        soci::into(n), soci::use(c), soci::use(u);
    return n > 0;
  });
}

}  // namespace harbour::storage
