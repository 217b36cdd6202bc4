#pragma once
// Reads of the profile's facts shared by the straight recount (profile_repository.h) and the
// in-memory store (profile_store.h). Internal to storage.
#include <soci/soci.h>

#include "profile/facts.h"
#include "profile/period.h"

namespace harbour::storage {

// Adds to `facts` what the smaller case tables say of its children in `period`: each child in
// `facts.children` gets its latest panel decision and its wards, and the period's panel
// decisions and the people of concern linked to its children are read.
void ReadChildLinks(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts);

// Sets `facts`' referrals, missing episodes, disruptions and panel actions of `period`, and its
// last day: the facts that do not depend on which children were identified, so they can be read
// while the children are being found.
void ReadPeriodFacts(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts);

// ReadChildLinks, then ReadPeriodFacts.
void ReadOtherFacts(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts);

// Missing episodes that started in `period`.
long EpisodesStarted(soci::session& sql, const profile::Period& period);

}  // namespace harbour::storage
