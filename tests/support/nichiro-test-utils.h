/* nichiro-test-utils.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "nichiro-dataset.h"

G_BEGIN_DECLS

/* What the tests share, without a display: the test datasets, temporary
 * folders and files, and running the main loop until something happened. */

char           *nichiro_test_data_path    (const char  *name);
NichiroDataset *nichiro_test_load_dataset (const char  *name);

char      *nichiro_test_make_temp_dir (void);
void       nichiro_test_remove_tree   (const char  *path);
void       nichiro_test_write_text    (const char  *path,
                                       const char  *text,
                                       gssize       length);
char      *nichiro_test_read_text     (const char  *path,
                                       gsize       *out_length);
JsonNode  *nichiro_test_parse_file    (const char  *path);
GPtrArray *nichiro_test_list_names    (const char  *dir,
                                       const char  *prefix);
void       nichiro_test_spin_until    (gboolean   (*done) (gpointer data),
                                       gpointer     data,
                                       const char  *what);

/* A folder of the test's own with a study file path in it: the reader's
 * data directory, as far as the store knows. */
typedef struct
{
  char *dir;
  char *path;
} NichiroTestHome;

void nichiro_test_home_set_up    (NichiroTestHome *home,
                                  gconstpointer    data);
void nichiro_test_home_tear_down (NichiroTestHome *home,
                                  gconstpointer    data);

G_END_DECLS
