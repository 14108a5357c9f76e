/* study-crash-check.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "nichiro-review-log.h"

G_BEGIN_DECLS

void study_crash_check_reviews (JsonObject *dataset,
                                const char *prefix,
                                guint64     state);

G_END_DECLS
