-- The image's own file service (docs/image-contract.md, "File transfer"): an image whose protocols include FILES runs
-- it, and the portal transfers a desktop's files through it. Optional: an instance is ACTIVE without it answering.
alter table protocols drop constraint protocols_kind_check;
alter table protocols add constraint protocols_kind_check
    check (kind in ('VNC', 'RDP', 'GUACD', 'JUPYTER', 'SSH', 'HTTP', 'FILES'));
insert into protocols (name, kind, port, optional) values ('FILES', 'FILES', 5981, true)
    on conflict (name) do nothing;
