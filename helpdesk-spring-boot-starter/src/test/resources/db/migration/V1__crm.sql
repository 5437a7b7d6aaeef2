CREATE TABLE crm_customer (
    id   VARCHAR(40) PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
