/* nichiro-search-hit.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-search.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_SEARCH_HIT (nichiro_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSearchHit, nichiro_search_hit, NICHIRO, SEARCH_HIT, GObject)

NichiroSearchHit *nichiro_search_hit_new                (const NichiroSearchResult *result);
NichiroEntry     *nichiro_search_hit_get_entry          (NichiroSearchHit          *self);
double            nichiro_search_hit_get_score          (NichiroSearchHit          *self);
const char       *nichiro_search_hit_get_title         (NichiroSearchHit          *self);
const GArray     *nichiro_search_hit_get_title_ranges   (NichiroSearchHit          *self);
const char       *nichiro_search_hit_get_snippet        (NichiroSearchHit          *self);
const GArray     *nichiro_search_hit_get_snippet_ranges (NichiroSearchHit          *self);

G_END_DECLS
