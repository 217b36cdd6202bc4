#pragma once
// Persistence of missing episodes, their returns and return interviews (missing/episode.h). A
// return is recorded once (the UPDATE matches only an episode without one), and an episode has
// at most one concluding interview (a unique index), so two people cannot both record them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "missing/episode.h"
#include "storage/database.h"

namespace harbour::storage {

class MissingRepository {
 public:
  explicit MissingRepository(Database& db) : db_(db) {}

  void InsertEpisodeIn(Transaction& tx, const missing::MissingEpisode& episode);
  // Records the return; false when the episode already has one (or is absent).
  bool RecordReturnIn(Transaction& tx, std::string_view episode_id,
                      const missing::ReturnRecord& back, std::string_view by, Instant at);
  // Inserts the interview and links the concerns in its concern_ids. A second concluding
  // interview for the same episode throws a unique violation (kConflict through Guard).
  void InsertInterviewIn(Transaction& tx, const missing::ReturnInterview& interview);
  // The start instants of the child's episodes, read inside `tx` (for the repeat rule).
  std::vector<Instant> StartsIn(Transaction& tx, std::string_view child_id);
  // True when the child has an open task from the repeat-missing rule (source_type "missing").
  bool HasOpenStrategyTaskIn(Transaction& tx, std::string_view child_id);

  Result<std::optional<missing::MissingEpisode>> FindEpisode(std::string_view id);
  // The child's episodes, newest start first.
  Result<std::vector<missing::MissingEpisode>> ForChild(std::string_view child_id);
  // One episode's interviews, oldest first, with the concerns each raised.
  Result<std::vector<missing::ReturnInterview>> Interviews(std::string_view episode_id);
  // Every interview of the child's episodes, oldest first.
  Result<std::vector<missing::ReturnInterview>> InterviewsForChild(std::string_view child_id);
  // Returned episodes without a concluding interview, the soonest due first, at most `limit`.
  Result<std::vector<missing::MissingEpisode>> AwaitingInterview(int limit);

 private:
  Database& db_;
};

}  // namespace harbour::storage
