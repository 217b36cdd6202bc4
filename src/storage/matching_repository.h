#pragma once
// One child, one record (issue 13; docs/matching.md, "In the product"): the children as the
// matcher reads them, the runs of the matcher with their trained models, the duplicate-review
// queue, and merges that can be undone. Writes take a Transaction so the caller commits them
// with their audit entries.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "matching/record.h"
#include "storage/database.h"

namespace harbour::storage {

struct MatchRun {
  std::string id;
  Instant started_at{}, finished_at{};
  long long records = 0, pairs = 0, queued = 0, linked = 0;
  std::string model_json;  // matching::ModelToJson
};

enum class ReviewStatus { kPending, kUnsure, kMerged, kNotSame };
std::string_view ToCode(ReviewStatus status);
std::optional<ReviewStatus> ReviewStatusFromCode(std::string_view code);

// A queued pair of children (first_id < second_id).
struct MatchReview {
  std::string id, first_id, second_id;
  double weight = 0;  // the match weight when it was last scored
  ReviewStatus status = ReviewStatus::kPending;
  Instant found_at{};
  std::string run_id;
  std::string decided_by, decided_by_name;  // user id and display name
  std::optional<Instant> decided_at;
  std::string reason;
};

// A pair a run found, to be queued.
struct FoundPair {
  std::string first_id, second_id;  // first_id < second_id
  double weight = 0;
};

struct ChildMerge {
  std::string id, survivor_id, absorbed_id, review_id;
  std::string merged_by, merged_by_name;
  Instant merged_at{};
  std::string reason;
  std::string undone_by, undone_by_name;
  std::optional<Instant> undone_at;
  std::string undo_reason;
};

// What a merge changed, counted for the reviewer's confirmation.
struct MergeSummary {
  std::size_t moved = 0;  // rows pointed at the survivor (concerns, assessments, referrals, ...)
  std::size_t added = 0;  // agencies, aliases and search keys the survivor gained
  std::size_t left = 0;   // rows that stay on the absorbed record (a panel agenda both are on)
};

// What a child's record holds, counted, for the reviewer's side-by-side view.
struct ChildHoldings {
  long long concerns = 0, assessments = 0, referrals = 0, missing_episodes = 0, flags = 0,
            intelligence = 0;
};

class MatchingRepository {
 public:
  explicit MatchingRepository(Database& db) : db_(db) {}

  // Every child not merged into another, as the matcher reads them, in id order (agency: the
  // creating agency's id).
  Result<std::vector<matching::MatchRecord>> ChildrenToMatch();
  // Children (not merged) who might be `person`: the same date of birth or with day and month
  // swapped; the same family name key with the same given initial; the same given name key with
  // the same family initial, born within a year either side; the names swapped; a search key
  // equal to the family name (double-barrelled names, aliases) with the same given initial, born
  // within a year. At most `limit`, in id order.
  Result<std::vector<matching::MatchRecord>> CandidatesFor(const matching::MatchRecord& person,
                                                           int limit);
  // The child as the matcher reads them, merged or not; nullopt when there is none.
  Result<std::optional<matching::MatchRecord>> ChildRecord(std::string_view child_id);

  Result<ChildHoldings> Holdings(std::string_view child_id);

  // --- runs -----------------------------------------------------------------------------
  void SaveRunIn(Transaction& tx, const MatchRun& run);
  Result<std::optional<MatchRun>> LastRun(bool with_model);

  // --- the review queue -----------------------------------------------------------------
  // Pairs decided "not the same child": no run queues them again.
  Result<std::set<std::pair<std::string, std::string>>> NotSamePairs();
  // Queues each pair not already queued; a pending or unsure pair gets its new weight; a
  // decided pair is left as it is. Returns how many were new.
  std::size_t QueueIn(Transaction& tx, const std::vector<FoundPair>& pairs, std::string_view run_id,
                      Instant at);
  // Pending and unsure pairs whose children are both unmerged, strongest first, at most `limit`.
  Result<std::vector<MatchReview>> OpenReviews(int limit);
  Result<long long> OpenReviewCount();
  Result<std::optional<MatchReview>> FindReview(std::string_view id);
  void DecideIn(Transaction& tx, std::string_view review_id, ReviewStatus status,
                std::string_view by, std::string_view reason, Instant at);

  // --- merges ---------------------------------------------------------------------------
  // Points every record of `merge.absorbed_id` at `merge.survivor_id` and marks the absorbed
  // child merged, noting each change in child_merge_rows so that UnmergeIn can put it back:
  // concerns, assessments, referrals, flags, panel items (unless the survivor is on the same
  // meeting's agenda), missing episodes, alerts, tasks, disruptions, access requests and grants,
  // intelligence subjects and record links (unless the survivor has the same link), and children
  // merged earlier into the absorbed one. The survivor gains the absorbed child's agencies, its
  // name and aliases as aliases, and their search keys.
  MergeSummary MergeIn(Transaction& tx, const ChildMerge& merge);
  // Undoes `merge`: every row it moved goes back to the absorbed child, what it added to the
  // survivor is removed (an agency that has recorded a concern on the survivor since stays), and
  // the absorbed child is unmerged. Rows recorded on the survivor since stay with it.
  void UnmergeIn(Transaction& tx, const ChildMerge& merge, std::string_view by,
                 std::string_view reason, Instant at);
  Result<std::optional<ChildMerge>> FindMerge(std::string_view id);
  // Merges in which the child survived or was absorbed, newest first.
  Result<std::vector<ChildMerge>> MergesOf(std::string_view child_id);

 private:
  Database& db_;
};

}  // namespace harbour::storage
