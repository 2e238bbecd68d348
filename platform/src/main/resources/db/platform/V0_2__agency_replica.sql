-- The agency replica of services that do not own agencies (kpi-service, budget-service): the same starter tree
-- initiative-service seeds (same md5-derived ids), kept current later from agency events. initiative-service, which
-- owns the agency table, leaves this replica unused.
CREATE TABLE agency_replica (
    code        VARCHAR(50) PRIMARY KEY,
    id          UUID        NOT NULL UNIQUE,
    name_vi     TEXT        NOT NULL,
    name_en     TEXT,
    level       VARCHAR(20) NOT NULL,
    parent_code VARCHAR(50),
    version     BIGINT      NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX agency_replica_parent_idx ON agency_replica (parent_code);

CREATE TEMPORARY TABLE agency_replica_seed (code TEXT, name_vi TEXT, name_en TEXT, level TEXT, parent TEXT, ord INT);
INSERT INTO agency_replica_seed VALUES
-- central bodies
('BCDTW', 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'Central Steering Committee on Science, Technology, Innovation and Digital Transformation', 'CENTRAL_BODY', NULL, 1),
('CP', 'Chính phủ', 'Government of Viet Nam', 'CENTRAL_BODY', NULL, 2),
('VPCP', 'Văn phòng Chính phủ', 'Office of the Government', 'CENTRAL_BODY', 'CP', 3),
-- ministries
('BQP', 'Bộ Quốc phòng', 'Ministry of National Defence', 'MINISTRY', 'CP', 10),
('BCA', 'Bộ Công an', 'Ministry of Public Security', 'MINISTRY', 'CP', 11),
('BNG', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', 'MINISTRY', 'CP', 12),
('BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs', 'MINISTRY', 'CP', 13),
('BTP', 'Bộ Tư pháp', 'Ministry of Justice', 'MINISTRY', 'CP', 14),
('BTC', 'Bộ Tài chính', 'Ministry of Finance', 'MINISTRY', 'CP', 15),
('BCT', 'Bộ Công Thương', 'Ministry of Industry and Trade', 'MINISTRY', 'CP', 16),
('BNNMT', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', 'MINISTRY', 'CP', 17),
('BXD', 'Bộ Xây dựng', 'Ministry of Construction', 'MINISTRY', 'CP', 18),
('BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', 'MINISTRY', 'CP', 19),
('BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'MINISTRY', 'CP', 20),
('BGDDT', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', 'MINISTRY', 'CP', 21),
('BYT', 'Bộ Y tế', 'Ministry of Health', 'MINISTRY', 'CP', 22),
('BDTTG', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs', 'MINISTRY', 'CP', 23),
('NHNN', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Viet Nam', 'MINISTRY', 'CP', 24),
('TTCP', 'Thanh tra Chính phủ', 'Government Inspectorate', 'MINISTRY', 'CP', 25),
-- units below ministries
('BKHCN-CDMST', 'Cục Đổi mới sáng tạo', 'National Agency for Innovation', 'AGENCY_UNIT', 'BKHCN', 30),
('BKHCN-CCDSQG', 'Cục Chuyển đổi số quốc gia', 'National Digital Transformation Agency', 'AGENCY_UNIT', 'BKHCN', 31),
('BKHCN-CSHTT', 'Cục Sở hữu trí tuệ', 'Intellectual Property Office of Viet Nam', 'AGENCY_UNIT', 'BKHCN', 32),
('BCA-TTDLQG', 'Trung tâm Dữ liệu quốc gia', 'National Data Centre', 'AGENCY_UNIT', 'BCA', 33),
('BTC-TKQG', 'Cục Thống kê', 'National Statistics Office', 'AGENCY_UNIT', 'BTC', 34),
('BYT-CNTT', 'Cục Khoa học công nghệ và Đào tạo (Bộ Y tế)', 'Administration of Science, Technology and Training (Ministry of Health)', 'AGENCY_UNIT', 'BYT', 35),
-- institutes and universities
('VAST', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Vietnam Academy of Science and Technology', 'INSTITUTE', 'CP', 40),
('VASS', 'Viện Hàn lâm Khoa học xã hội Việt Nam', 'Vietnam Academy of Social Sciences', 'INSTITUTE', 'CP', 41),
('DHQGHN', 'Đại học Quốc gia Hà Nội', 'Vietnam National University, Hanoi', 'INSTITUTE', 'CP', 42),
('DHQGHCM', 'Đại học Quốc gia Thành phố Hồ Chí Minh', 'Vietnam National University, Ho Chi Minh City', 'INSTITUTE', 'CP', 43),
-- enterprises
('VIETTEL', 'Tập đoàn Công nghiệp - Viễn thông Quân đội', 'Viettel Group', 'ENTERPRISE', 'BQP', 50),
('VNPT', 'Tập đoàn Bưu chính Viễn thông Việt Nam', 'VNPT Group', 'ENTERPRISE', 'CP', 51),
-- provinces and centrally run cities
('HNI', 'Thành phố Hà Nội', 'Ha Noi', 'PROVINCE', 'CP', 60),
('HCM', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', 'PROVINCE', 'CP', 61),
('DNG', 'Thành phố Đà Nẵng', 'Da Nang', 'PROVINCE', 'CP', 62),
('HPG', 'Thành phố Hải Phòng', 'Hai Phong', 'PROVINCE', 'CP', 63),
('CTO', 'Thành phố Cần Thơ', 'Can Tho', 'PROVINCE', 'CP', 64),
('HUE', 'Thành phố Huế', 'Hue', 'PROVINCE', 'CP', 65),
('QNH', 'Tỉnh Quảng Ninh', 'Quang Ninh', 'PROVINCE', 'CP', 66),
('BNH', 'Tỉnh Bắc Ninh', 'Bac Ninh', 'PROVINCE', 'CP', 67),
('NAN', 'Tỉnh Nghệ An', 'Nghe An', 'PROVINCE', 'CP', 68),
('KHA', 'Tỉnh Khánh Hòa', 'Khanh Hoa', 'PROVINCE', 'CP', 69),
('DLK', 'Tỉnh Đắk Lắk', 'Dak Lak', 'PROVINCE', 'CP', 70),
('LCI', 'Tỉnh Lào Cai', 'Lao Cai', 'PROVINCE', 'CP', 71),
('HNI-SKHCN', 'Sở Khoa học và Công nghệ Hà Nội', 'Ha Noi Department of Science and Technology', 'AGENCY_UNIT', 'HNI', 80),
('HCM-SKHCN', 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh', 'Ho Chi Minh City Department of Science and Technology', 'AGENCY_UNIT', 'HCM', 81);

INSERT INTO agency_replica (code, id, name_vi, name_en, level, parent_code)
SELECT s.code, md5('agency:' || s.code)::uuid, s.name_vi, s.name_en, s.level, s.parent FROM agency_replica_seed s ORDER BY s.ord;
DROP TABLE agency_replica_seed;
