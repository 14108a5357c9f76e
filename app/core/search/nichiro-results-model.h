/* nichiro-results-model.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-search.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_RESULTS_MODEL (nichiro_results_model_get_type ())

G_DECLARE_FINAL_TYPE (NichiroResultsModel, nichiro_results_model, NICHIRO, RESULTS_MODEL, GObject)

NichiroResultsModel        *nichiro_results_model_new         (void);
void                        nichiro_results_model_set_results (NichiroResultsModel  *self,
                                                               NichiroSearchResults *results);
const NichiroSearchResults *nichiro_results_model_get_results (NichiroResultsModel  *self);

G_END_DECLS
