/* nichiro-dataset-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"
#include "nichiro-frontier.h"
#include "nichiro-json-check.h"

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
  NichiroFrontier *frontier;

  GListStore *entries;
  GHashTable *entries_by_id;   /* ids and former ids → entry */

  /* Entry id to a GArray of NichiroRelated naming the entries that point
   * at it, made when first asked for. */
  GHashTable *incoming;
};

/* The type (nichiro-dataset.c) */

gconstpointer _nichiro_dataset_table_lookup (const Table *table,
                                             const char  *id);

/* Reading (nichiro-dataset-read.c) */

/* Context for one load: the parsed document and where problems go. */
typedef struct
{
  NichiroDataset *dataset;
  NichiroJsonChecker *checker;
  JsonObject *root;
} Loader;

const char  *_nichiro_dataset_get_string           (JsonObject        *object,
                                                    const char        *member);
JsonArray   *_nichiro_dataset_get_array            (JsonObject        *object,
                                                    const char        *member);
JsonObject  *_nichiro_dataset_get_object           (JsonObject        *object,
                                                    const char        *member);
JsonObject  *_nichiro_dataset_get_element_object   (JsonArray         *array,
                                                    guint              index);
GStrv        _nichiro_dataset_dup_strv             (JsonObject        *object,
                                                    const char        *member);
void         _nichiro_dataset_read_names           (JsonObject        *object,
                                                    const char        *member,
                                                    NichiroNames      *names);
NichiroDate  _nichiro_dataset_read_date            (JsonObject        *object,
                                                    const char        *member);
void         _nichiro_dataset_read_sources         (JsonObject        *object,
                                                    GArray            *sources);
void         _nichiro_dataset_check_order          (Loader            *loader,
                                                    const char        *member,
                                                    const NichiroDate *earlier,
                                                    const NichiroDate *later,
                                                    const char        *what);
void         _nichiro_dataset_check_old_style      (Loader            *loader,
                                                    JsonObject        *object,
                                                    const char        *member,
                                                    const NichiroDate *new_style,
                                                    NichiroDate       *out_old_style);
void         _nichiro_dataset_check_reference      (Loader            *loader,
                                                    const Table       *table,
                                                    const char        *id,
                                                    const char        *table_name);
void         _nichiro_dataset_check_reference_list (Loader            *loader,
                                                    JsonObject        *object,
                                                    const char        *member,
                                                    const Table       *table,
                                                    const char        *table_name);
gboolean     _nichiro_dataset_claim_id             (Loader            *loader,
                                                    GHashTable        *seen,
                                                    const char        *id,
                                                    const char        *table_name);

/* The entries (nichiro-dataset-entries.c) */

void         _nichiro_dataset_read_entries         (Loader            *loader);

NichiroDataset *_nichiro_dataset_read             (const char        *text,
                                                   gsize              length,
                                                   const char        *display_name,
                                                   gboolean           check_schema,
                                                   GError           **error);

G_END_DECLS
