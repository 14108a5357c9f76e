/* study-test-utils.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* Small helpers the study tests share: temporary folders, files, and
 * running the main loop until something has happened. */

G_GNUC_UNUSED static void
remove_tree (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) != 0)
    return;

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have taken the permissions away. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

G_GNUC_UNUSED static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nichiro-study-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

G_GNUC_UNUSED static void
write_text (const char *path,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

G_GNUC_UNUSED static char *
read_text (const char *path,
           gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, out_length, &error);
  g_assert_no_error (error);
  return text;
}

/* Parses a study file as it is on disk, without the store's help. */
G_GNUC_UNUSED static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The names in @dir that start with @prefix, sorted. */
G_GNUC_UNUSED static GPtrArray *
list_names (const char *dir,
            const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return names;
}

/* Runs the main loop until @done says so. The bound is generous: it only
 * turns a hang into a failure, it never measures anything. */
G_GNUC_UNUSED static void
spin_until (gboolean (*done) (gpointer data),
            gpointer  data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Each test gets a folder of its own with a study file path in it. */
typedef struct
{
  char *dir;
  char *path;
} StudyFixture;

G_GNUC_UNUSED static void
study_fixture_set_up (StudyFixture  *fixture,
                gconstpointer  data)
{
  fixture->dir = make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "study.json", NULL);
}

G_GNUC_UNUSED static void
study_fixture_tear_down (StudyFixture  *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}
