/* nichiro-dataset-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"

G_BEGIN_DECLS

/* What the files of NichiroDataset share (nichiro-dataset.c says which
 * file holds what). Nothing outside them includes this. */

typedef struct
{
  GArray *items;
  GHashTable *index;       /* id → position + 1 */
} Table;

struct _NichiroDataset
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *license;
  char *display_name;
  NichiroBook *book;
  GArray *sources;         /* NichiroSource */
  NichiroDate period_start;
  NichiroDate period_end;

  Table states;
  Table parts;
  Table eras;
  Table threads;
  Table people;
  Table places;

  GListStore *entries;
  GHashTable *entries_by_id;   /* ids and former ids → entry */

  /* Entry id to a GArray of NichiroRelated naming the entries that point
   * at it, made when first asked for. */
  GHashTable *incoming;
};

gconstpointer _nichiro_dataset_table_lookup (const Table *table,
                                             const char  *id);

G_END_DECLS
