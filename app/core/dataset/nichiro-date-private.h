/* nichiro-date-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-date.h"

G_BEGIN_DECLS

/* What the files of NichiroDate share (nichiro-date.c says which file
 * holds what). Nothing outside them includes this. */

gboolean _nichiro_date_is_valid_in      (const NichiroDate *date,
                                         gboolean           julian);
gint64   _nichiro_date_gregorian_to_jdn (gint64             year,
                                         gint64             month,
                                         gint64             day);

G_END_DECLS
