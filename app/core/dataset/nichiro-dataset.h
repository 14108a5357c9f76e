/* nichiro-dataset.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-entry.h"

G_BEGIN_DECLS

/* Datasets larger than this are refused before they are read: the bundled
 * one is a few hundred KiB, and a synthetic 100,000-entry one stays below. */
#define NICHIRO_DATASET_MAX_SIZE (64 * 1024 * 1024)

#define NICHIRO_DATASET_DEFAULT_RESOURCE "/io/github/nichiro/Nichiro/data/japan-russia.json"

typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
} NichiroState;

typedef struct
{
  char *id;
  guint number;            /* 1-based, in reading order */
  char *title;
  char *summary;
  NichiroDate start;
  NichiroDate end;
} NichiroPart;

typedef struct
{
  char *id;
  char *kind;
  NichiroNames name;
  NichiroDate start;
  NichiroDate end;
} NichiroEra;

typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
  char *description;
} NichiroThread;

typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
  NichiroDate born;
  NichiroDate died;
  GStrv roles;
} NichiroPerson;

typedef struct
{
  char *title;
  char *chapter;
  char *chapter_title;
  GStrv authors;
  char *publisher;
  int year;
} NichiroBook;

#define NICHIRO_TYPE_DATASET (nichiro_dataset_get_type ())

G_DECLARE_FINAL_TYPE (NichiroDataset, nichiro_dataset, NICHIRO, DATASET, GObject)

NichiroDataset      *nichiro_dataset_new_from_data     (const char      *text,
                                                        gsize            length,
                                                        const char      *display_name,
                                                        GError         **error);
NichiroDataset      *nichiro_dataset_new_from_file     (GFile           *file,
                                                        GError         **error);
NichiroDataset      *nichiro_dataset_new_from_resource (const char      *resource_path,
                                                        GError         **error);
NichiroDataset      *nichiro_dataset_new_default       (GError         **error);

const char          *nichiro_dataset_get_id            (NichiroDataset  *self);
const char          *nichiro_dataset_get_title         (NichiroDataset  *self);
const char          *nichiro_dataset_get_description   (NichiroDataset  *self);
const char          *nichiro_dataset_get_license       (NichiroDataset  *self);
const char          *nichiro_dataset_get_display_name  (NichiroDataset  *self);
const NichiroBook   *nichiro_dataset_get_book          (NichiroDataset  *self);
const NichiroSource *nichiro_dataset_get_sources       (NichiroDataset  *self,
                                                        guint           *n_sources);

char                *nichiro_dataset_dup_citation      (NichiroDataset  *self,
                                                        NichiroEntry    *entry);

GListModel          *nichiro_dataset_get_entries       (NichiroDataset  *self);
NichiroEntry        *nichiro_dataset_lookup_entry      (NichiroDataset  *self,
                                                        const char      *id);
const NichiroRelated *nichiro_dataset_get_incoming     (NichiroDataset  *self,
                                                        const char      *id,
                                                        guint           *n_incoming);

const NichiroState  *nichiro_dataset_get_states        (NichiroDataset  *self,
                                                        guint           *n_states);
const NichiroPart   *nichiro_dataset_get_parts         (NichiroDataset  *self,
                                                        guint           *n_parts);
const NichiroEra    *nichiro_dataset_get_eras          (NichiroDataset  *self,
                                                        guint           *n_eras);
const NichiroThread *nichiro_dataset_get_threads       (NichiroDataset  *self,
                                                        guint           *n_threads);
const NichiroPerson *nichiro_dataset_get_people        (NichiroDataset  *self,
                                                        guint           *n_people);

const NichiroState  *nichiro_dataset_lookup_state      (NichiroDataset  *self,
                                                        const char      *id);
const NichiroPart   *nichiro_dataset_lookup_part       (NichiroDataset  *self,
                                                        const char      *id);
const NichiroEra    *nichiro_dataset_lookup_era        (NichiroDataset  *self,
                                                        const char      *id);
const NichiroThread *nichiro_dataset_lookup_thread     (NichiroDataset  *self,
                                                        const char      *id);
const NichiroPerson *nichiro_dataset_lookup_person     (NichiroDataset  *self,
                                                        const char      *id);

G_END_DECLS
