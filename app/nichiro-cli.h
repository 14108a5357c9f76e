/* nichiro-cli.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"

G_BEGIN_DECLS

#define NICHIRO_EXIT_OK        0
#define NICHIRO_EXIT_NOT_FOUND 1
#define NICHIRO_EXIT_BAD_INPUT 2
/* Not an exit status: go on and open the window. */
#define NICHIRO_CLI_CONTINUE   (-1)

typedef struct
{
  char *search;
  char *show;
  char *validate;
  char *in_force;
  char *territory;
  char *data;
  char *replay_reviews;
  gboolean list;
  gboolean json;
} NichiroCliOptions;

void     nichiro_cli_use_utf8             (void);
void     nichiro_cli_options_clear        (NichiroCliOptions       *options);
gboolean nichiro_cli_options_opens_window (const NichiroCliOptions *options);
int  nichiro_cli_run           (const NichiroCliOptions  *options,
                                NichiroDataset          **out_dataset);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NichiroCliOptions, nichiro_cli_options_clear)

G_END_DECLS
