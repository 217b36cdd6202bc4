#pragma once
// The core services (rendering, audit, authorisation, the flag banner, sessions) and the
// repositories they read, built once by the wiring (web/app.cc) in declaration order. Included
// only there: areas receive the Core of references instead.
#include "storage/agencies_repository.h"
#include "storage/audit_repository.h"
#include "storage/children_repository.h"
#include "storage/database.h"
#include "storage/flags_repository.h"
#include "storage/identity_repository.h"
#include "storage/messages_repository.h"
#include "storage/panel_repository.h"
#include "web/core/handlers.h"
#include "web/core/sessions.h"

namespace harbour::web {

struct CoreServices {
  // `db` and `clock` must outlive the services; `demo` shows the demo banner on every page.
  CoreServices(storage::Database& db, const Clock& clock, bool demo)
      : agencies(db),
        identity(db),
        children(db),
        audit(db),
        messages(db),
        flags(db),
        panel(db),
        pages(messages, demo),
        auditor(audit, clock),
        authoriser(children, panel, auditor, pages, clock),
        banner(flags, clock),
        sessions(identity, agencies, clock),
        core{db, clock, pages, auditor, authoriser, banner} {}
  CoreServices(const CoreServices&) = delete;
  CoreServices& operator=(const CoreServices&) = delete;

  storage::AgenciesRepository agencies;
  storage::IdentityRepository identity;
  storage::ChildrenRepository children;
  storage::AuditRepository audit;
  storage::MessagesRepository messages;
  storage::FlagsRepository flags;
  storage::PanelRepository panel;
  Pages pages;
  Auditor auditor;
  Authoriser authoriser;
  ChildBanner banner;
  Sessions sessions;
  Core core;  // what every area receives
};

}  // namespace harbour::web
