-- Seed data: the 6 Systems and 3 Phases of the Strategic Action Plan (DESIGN.md §1), and a starter agency tree.
-- Agency ids are derived from their codes (md5) so that every instance has the same ids for the same agencies.

INSERT INTO plan_system (code, name_vi, name_en, kind, sort_order) VALUES
('H1', 'Đổi mới thể chế và quản trị quốc gia', 'Institutional reform and national governance (institutions, governance capacity, digital government, high-tech security and defence)', 'STRATEGIC', 1),
('H2', 'Phát triển công nghiệp và tự chủ công nghệ', 'Industrial development and technological self-reliance (core technologies, endogenous industry, enterprise digital transformation)', 'STRATEGIC', 2),
('H3', 'An sinh và phúc lợi xã hội', 'Social security and welfare (S&T and digital transformation in health, education, agriculture, environment, labour, housing)', 'STRATEGIC', 3),
('H4', 'Hạ tầng thông tin và dữ liệu', 'Information and data infrastructure (next-generation digital infrastructure, the national data revolution)', 'STRATEGIC', 4),
('H5', 'Năng lực sáng tạo và văn hóa đổi mới', 'Creative capacity and innovation culture (people-centred innovation ecosystem, talent, scholarship)', 'STRATEGIC', 5),
('H6', 'Các Dự án đặc biệt quan trọng', 'Special national projects (national AI, gene technology, North–South high-speed railway, …)', 'SPECIAL_PROJECTS', 6);

INSERT INTO plan_phase (code, start_year, end_year, name_vi, name_en) VALUES
('P1', 2025, 2026, 'khởi động và thiết lập nền tảng', 'launch and lay the foundation'),
('P2', 2026, 2030, 'triển khai đồng bộ, đánh giá giữa kỳ', 'synchronised roll-out, mid-term evaluation'),
('P3', 2030, 2045, 'củng cố, mở rộng và hoàn thiện', 'consolidate, expand, complete');

-- The starter agency tree is the one the platform migration V0_2 seeds into agency_replica (it runs first): one
-- list for every service.
INSERT INTO agency (id, code, name_vi, name_en, level, parent_id, created_at, updated_at)
SELECT r.id, r.code, r.name_vi, r.name_en, r.level,
       CASE WHEN r.parent_code IS NULL THEN NULL ELSE md5('agency:' || r.parent_code)::uuid END, now(), now()
FROM agency_replica r;
