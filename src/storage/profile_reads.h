#pragma once
// Reads of the profile's facts shared by the straight recount (profile_repository.h) and the
// in-memory store (profile_store.h). Internal to storage.
#include <soci/soci.h>

#include "profile/facts.h"
#include "profile/period.h"

namespace harbour::storage {

// Adds to `facts` what the smaller case tables say for `period`: each child in
// `facts.children` gets its latest panel decision and its wards, and the period's referrals,
// missing episodes, panel decisions, disruptions, people of concern and panel actions are read.
// Sets `facts.last_day`.
void ReadOtherFacts(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts);

// Missing episodes that started in `period`.
long EpisodesStarted(soci::session& sql, const profile::Period& period);

}  // namespace harbour::storage
