/* nichiro-detail-view.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_DETAIL_VIEW (nichiro_detail_view_get_type ())

G_DECLARE_FINAL_TYPE (NichiroDetailView, nichiro_detail_view, NICHIRO, DETAIL_VIEW, AdwBin)

NichiroSession *nichiro_detail_view_get_session (NichiroDetailView *self);
void            nichiro_detail_view_set_session (NichiroDetailView *self,
                                                 NichiroSession    *session);

G_END_DECLS
