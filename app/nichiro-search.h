/* nichiro-search.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"

G_BEGIN_DECLS

typedef struct _NichiroSearch NichiroSearch;

typedef struct
{
  NichiroEntry *entry;
  double score;
} NichiroSearchResult;

NichiroSearch *nichiro_search_new  (NichiroDataset *dataset);
void           nichiro_search_free (NichiroSearch  *self);
GArray        *nichiro_search_run  (NichiroSearch  *self,
                                    const char     *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroSearch, nichiro_search_free)

G_END_DECLS
