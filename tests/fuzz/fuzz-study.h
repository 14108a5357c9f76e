/* fuzz-study.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* What the study file fuzz targets share: a folder of their own to write
 * study files into, emptied between inputs. TMPDIR on a tmpfs keeps the
 * store's fsync() from setting the pace (build-aux/fuzz.sh sees to it). */

/* A study file with one note, before anything is merged into it. */
#define FUZZ_STUDY_BASE \
  "{ \"format\": \"nichiro-study\", \"version\": 1, \"datasets\": { \"d\": {\n" \
  "  \"entries\": {\n" \
  "    \"e\": { \"note\": \"ours\", \"studied\": true, \"modified\": \"2024-01-01T00:00:00Z\" },\n" \
  "    \"f\": { \"bookmarked\": true, \"page\": \"p. 3\" }\n" \
  "  },\n" \
  "  \"last_entry\": \"e\", \"history\": [\"f\", \"e\"]\n" \
  "} } }\n"

static inline char *
fuzz_study_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nichiro-fuzz-study-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes what an input left: the study file, files kept aside, copies
 * kept before imports. The folder holds nothing else. */
static inline void
fuzz_study_clear_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_unlink (path) != 0)
        g_rmdir (path);
    }
}

static inline void
fuzz_study_write (const char *path,
                  const char *data,
                  gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}
