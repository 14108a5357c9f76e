/* nichiro-bench-synthetic.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SYNTHETIC_SEED 20260101

GString *bench_generate_synthetic_dataset (guint n_entries,
                                           guint summary_words);

G_END_DECLS
