-- The demo facility: a few people, instruments, proposals and experiments, the local cloud, two images,
-- three flavours and their plans. Dates are relative to now so the demo always looks current.

insert into employers (id, name, town, country_code) values
    ('E1', 'Vantage Light Source', 'Grenoble', 'FR'),
    ('E2', 'University of Lund', 'Lund', 'SE'),
    ('E3', 'Technical University of Munich', 'Munich', 'DE');

insert into users (id, first_name, last_name, email, affiliation_id) values
    ('admin', 'Grace', 'Hopper', 'grace.hopper@vantage.example', 'E1'),
    ('1001', 'Rosalind', 'Franklin', 'rosalind.franklin@lund.example', 'E2'),
    ('1002', 'Dorothy', 'Hodgkin', 'dorothy.hodgkin@tum.example', 'E3'),
    ('2001', 'Lise', 'Meitner', 'lise.meitner@vantage.example', 'E1'),
    ('3001', 'Katherine', 'Johnson', 'katherine.johnson@vantage.example', 'E1'),
    ('9001', 'Guest', 'Visitor', 'visitor@example.org', null);

insert into user_roles (user_id, role_id, source)
select u, r.id, 'PORTAL' from (values ('admin', 'ADMIN'), ('admin', 'STAFF'), ('2001', 'STAFF'),
                                      ('2001', 'INSTRUMENT_SCIENTIST'), ('3001', 'IT_SUPPORT'), ('3001', 'STAFF'),
                                      ('9001', 'GUEST')) as g(u, role)
join roles r on r.name = g.role;

insert into instruments (id, name) values
    ('D22', 'D22 Small-angle scattering'),
    ('IN5', 'IN5 Time-of-flight spectrometer'),
    ('ID16', 'ID16 Nano-imaging'),
    ('P03', 'P03 Micro-focus SAXS/WAXS');

insert into instrument_scientists (instrument_id, user_id) values ('D22', '2001'), ('IN5', '2001');

insert into proposals (id, title, summary) values
    ('20250117', 'Self-assembly of amphiphilic block copolymers in ionic liquids', 'SANS contrast variation study.'),
    ('20250342', 'Spin dynamics in frustrated kagome magnets', 'Inelastic neutron scattering at low temperature.'),
    ('20260021', 'Nanoscale porosity of cement pastes during hydration', 'Holotomography of early-age cement.'),
    ('20260088', 'Protein crystallisation kinetics under flow', 'Time-resolved micro-SAXS.');

insert into experiments (id, proposal_id, instrument_id, title, start_date, end_date, doi) values
    ('EXP-1', '20250117', 'D22', 'Block copolymers, deuterated solvent series', now() - interval '300 days', now() - interval '297 days', '10.5291/VLS-1'),
    ('EXP-2', '20250342', 'IN5', 'Kagome magnets at 1.5 K', now() - interval '120 days', now() - interval '116 days', '10.5291/VLS-2'),
    ('EXP-3', '20260021', 'ID16', 'Cement hydration, first 48 hours', now() - interval '20 days', now() - interval '18 days', null),
    ('EXP-4', '20260088', 'P03', 'Lysozyme under shear', now() + interval '10 days', now() + interval '13 days', null),
    ('EXP-5', '20250117', 'D22', 'Block copolymers, temperature ramp', now() - interval '30 days', now() - interval '28 days', null);

insert into experiment_users (experiment_id, user_id, role) values
    ('EXP-1', '1001', 'PRINCIPAL_INVESTIGATOR'),
    ('EXP-5', '1001', 'PRINCIPAL_INVESTIGATOR'),
    ('EXP-3', '1001', 'PARTICIPANT'),
    ('EXP-2', '1002', 'MAIN_PROPOSER'),
    ('EXP-3', '1002', 'PRINCIPAL_INVESTIGATOR'),
    ('EXP-4', '1002', 'PARTICIPANT'),
    ('EXP-1', '2001', 'LOCAL_CONTACT');

insert into cloud_providers (name, type, settings) values ('local', 'local', '{}') on conflict (name) do nothing;

insert into images (name, version, description, icon, provider_id, provider_image_id, default_protocol_id, boot_script)
select 'Analysis desktop', '2026.11', 'A Linux desktop with a terminal, for data reduction and visualisation.',
       'bi-display', p.id, 'desktop', pr.id, null
from cloud_providers p, protocols pr where p.name = 'local' and pr.name = 'VNC';

insert into images (name, version, description, icon, provider_id, provider_image_id, default_protocol_id, boot_script)
select 'Jupyter notebook', '6.4', 'A Python notebook server with the scientific Python stack.',
       'bi-journal-code', p.id, 'notebook', pr.id, null
from cloud_providers p, protocols pr where p.name = 'local' and pr.name = 'JUPYTER';

insert into image_protocols (image_id, protocol_id)
select i.id, i.default_protocol_id from images i;

insert into flavours (name, cpu, memory_mib, gpu, provider_id, provider_flavour_id)
select f.name, f.cpu, f.mem, 0, p.id, f.pid
from cloud_providers p,
     (values ('Small (1 CPU, 2 GiB)', 1, 2048, 'small'),
             ('Medium (2 CPU, 4 GiB)', 2, 4096, 'medium'),
             ('Large (4 CPU, 16 GiB)', 4, 16384, 'large')) as f(name, cpu, mem, pid)
where p.name = 'local';

-- Large machines are for staff only.
insert into flavour_limits (flavour_id, object_type, role_id)
select f.id, 'ROLE', r.id from flavours f, roles r where f.provider_flavour_id = 'large' and r.name = 'STAFF';

insert into plans (image_id, flavour_id, preset)
select i.id, f.id, f.provider_flavour_id = 'small' from images i cross join flavours f;

insert into system_notifications (message, level, display, created_by)
values ('Welcome to the Vantage demo: its database and its login run inside the portal. Desktops and notebooks run on the clouds an admin has configured; the demo''s "local" cloud runs them on the portal''s own machine.',
        'INFO', 'BANNER', 'admin');
