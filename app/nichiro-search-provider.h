/* nichiro-search-provider.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-dataset.h"
#include "nichiro-dataset-loader.h"
#include "nichiro-search.h"

G_BEGIN_DECLS

/* Where GNOME Shell looks for the provider; the same path is written in
 * data/io.github.nichiro.Nichiro.search-provider.ini. */
#define NICHIRO_SEARCH_PROVIDER_OBJECT_PATH "/io/github/nichiro/Nichiro/SearchProvider"

/* How many results GetInitialResultSet and GetSubsearchResultSet return. */
#define NICHIRO_SEARCH_PROVIDER_MAX_RESULTS 10

#define NICHIRO_TYPE_SEARCH_PROVIDER (nichiro_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSearchProvider, nichiro_search_provider, NICHIRO, SEARCH_PROVIDER, GObject)

NichiroSearchProvider *nichiro_search_provider_new        (NichiroSearch          *search,
                                                           NichiroDataset         *dataset);
NichiroSearchProvider *nichiro_search_provider_new_deferred (NichiroDatasetLoader *loader);
gboolean               nichiro_search_provider_register   (NichiroSearchProvider  *self,
                                                           GDBusConnection        *connection,
                                                           const char             *object_path,
                                                           GError                **error);
void                   nichiro_search_provider_unregister (NichiroSearchProvider  *self);

G_END_DECLS
