-- Clouds that end a machine at a time limit of their own (a Slurm job's) have it moved to the instance's end of life
-- by a TIME_LIMIT command; a refusal is that command's outcome, which the instance's pages show.
alter table instance_commands drop constraint if exists instance_commands_type_check;
alter table instance_commands add constraint instance_commands_type_check
    check (type in ('CREATE', 'START', 'STOP', 'REBOOT', 'DELETE', 'SYNC', 'TIME_LIMIT'));
