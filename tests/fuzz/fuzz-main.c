/* fuzz-main.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A stand-in for libFuzzer's main() where libFuzzer is not available (gcc
 * builds): runs LLVMFuzzerTestOneInput once over every file named on the
 * command line, and over every file below every folder named there. The
 * seed corpus and any crash file found by a fuzzing run replay this way
 * under the ordinary test suite, with or without sanitizers. */

#define G_LOG_DOMAIN "nichiro-fuzz"

#include "config.h"

#include "fuzz.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Collects the regular files at or below @path, folders in name order so
 * runs are repeatable. */
static gboolean
collect_inputs (const char  *path,
                GPtrArray   *inputs,
                GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) children = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return TRUE;
    }

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;

  children = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (children, g_build_filename (path, name, NULL));
  g_ptr_array_sort (children, compare_paths);

  for (guint i = 0; i < children->len; i++)
    {
      if (!collect_inputs (g_ptr_array_index (children, i), inputs, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_input (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree guint8 *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  /* An exact-size copy without the nul that g_file_get_contents() adds, so
   * AddressSanitizer sees a read past the end as libFuzzer's inputs would. */
  data = g_memdup2 (contents, length);
  g_clear_pointer (&contents, g_free);

  g_printerr ("Running: %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput (data, length);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-FOLDER...\n"
                  "Runs the fuzz target once over each file, as libFuzzer would.\n",
                  argv[0]);
      return EXIT_FAILURE;
    }

  inputs = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    {
      if (!collect_inputs (argv[i], inputs, &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return EXIT_FAILURE;
        }
    }

  /* An empty corpus would make this a test that cannot fail. */
  if (inputs->len == 0)
    {
      g_printerr ("%s: no input files found\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < inputs->len; i++)
    {
      if (!run_input (g_ptr_array_index (inputs, i), &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return EXIT_FAILURE;
        }
    }

  g_printerr ("Executed %u inputs without a failure\n", inputs->len);

  return EXIT_SUCCESS;
}
