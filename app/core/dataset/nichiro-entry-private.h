/* nichiro-entry-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-entry.h"

G_BEGIN_DECLS

/* Filled in by the dataset loader from validated JSON; read-only after. */
struct _NichiroEntry
{
  GObject parent_instance;

  char *id;
  NichiroEntryKind kind;
  GStrv former_ids;
  NichiroNames title;
  NichiroNames short_title;
  GStrv aliases;
  NichiroDate date;
  NichiroDate date_old_style;
  NichiroDate end_date;
  NichiroDate end_date_old_style;
  char *era_override;      /* romaji, or NULL */
  int era_override_year;
  GArray *lifecycle;       /* NichiroLifecycleStep */
  NichiroEnd *end;         /* NULL when the dataset gives none */
  GArray *partial_ends;    /* NichiroEnd */
  char *place;
  GStrv places;
  GStrv parties;
  GArray *signatories;     /* NichiroSignatory */
  char *summary;
  GArray *articles;        /* NichiroArticle */
  char *significance;
  GArray *related;         /* NichiroRelated */
  GStrv threads;
  char *part;
  GArray *sources;         /* NichiroSource */
  char *notes;

  char *date_label;
};

NichiroEntry *_nichiro_entry_new        (void);
void          _nichiro_entry_seal       (NichiroEntry       *self);
void          nichiro_names_clear       (NichiroNames       *names);
void          _nichiro_end_clear        (NichiroEnd         *end);

G_END_DECLS
