/* nichiro-in-force.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"

G_BEGIN_DECLS

/**
 * NichiroForce:
 * @NICHIRO_FORCE_NONE: not in force on that day: not an instrument, not
 *   yet in force, or ended
 * @NICHIRO_FORCE_IN_FORCE: in force
 * @NICHIRO_FORCE_DISPUTED: the parties disagree on whether it was still in
 *   force (see the end's views)
 *
 * Whether an instrument bound its parties on a given day.
 */
typedef enum
{
  NICHIRO_FORCE_NONE,
  NICHIRO_FORCE_IN_FORCE,
  NICHIRO_FORCE_DISPUTED,
} NichiroForce;

/**
 * NichiroInForce:
 * @entry: the instrument
 * @force: %NICHIRO_FORCE_IN_FORCE or %NICHIRO_FORCE_DISPUTED
 * @since: the first day it was in force
 * @until: the first day it was no longer in force (for a disputed end, the
 *   first day no side held it in force); not set when no such day is
 *   recorded
 * @end: (nullable): how it ended or why it has no end, as the dataset says
 * @stage: the last lifecycle stage reached by that day
 * @signed_only: %TRUE when no stage was reached yet, the instrument being
 *   in force from its signature; @stage is then meaningless
 * @partial_ends: (element-type NichiroEnd): the articles that had already
 *   ended on that day, in the dataset's order (pointers into the entry)
 *
 * One instrument in force on a day, as nichiro_in_force_on() lists them.
 */
typedef struct
{
  NichiroEntry *entry;
  NichiroForce force;
  NichiroDate since;
  NichiroDate until;
  const NichiroEnd *end;
  NichiroStage stage;
  gboolean signed_only;
  GPtrArray *partial_ends;
} NichiroInForce;

const char     *nichiro_force_to_string       (NichiroForce          force);
NichiroForce    nichiro_entry_get_force       (NichiroEntry         *entry,
                                               const NichiroDate    *day);
GPtrArray      *nichiro_in_force_on           (NichiroDataset       *dataset,
                                               const NichiroDate    *day);
void            nichiro_in_force_free         (NichiroInForce       *item);
JsonNode       *nichiro_in_force_to_json      (const NichiroInForce *item);
gboolean        nichiro_in_force_parse_day    (const char           *text,
                                               NichiroDate          *out_day,
                                               gboolean             *out_old_style,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroInForce, nichiro_in_force_free)

G_END_DECLS
